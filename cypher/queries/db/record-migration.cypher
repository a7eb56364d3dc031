// Records one applied migration in the ledger (once: a version already recorded keeps its entry).
MERGE (m:__Migration {version: $version})
ON CREATE SET m.description = $description, m.checksum = $checksum, m.appliedAt = datetime()
