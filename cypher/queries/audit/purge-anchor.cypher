// Moves the retention anchor to the last event a purge removed: the oldest kept event chains to it.
MATCH (h:AuditHead {id: 'audit'})
SET h.anchorSeq = $seq, h.anchorHash = $hash
