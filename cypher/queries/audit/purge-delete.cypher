// Deletes the expired events the purge found, seq $from (exclusive) to $to (inclusive); the
// tamper guard lets this pass only in a transaction marked as a retention purge.
MATCH (e:AuditEvent)
WHERE e.seq > $from AND e.seq <= $to
DELETE e
