// The migration ledger: every applied version with the checksum its file had then.
MATCH (m:__Migration) RETURN m.version AS v, m.checksum AS c
