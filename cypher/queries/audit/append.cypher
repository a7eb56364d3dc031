// Appends audit events (in seq order, hashes chained by the caller) and moves the head to the
// last; the caller holds the head's lock.
MATCH (h:AuditHead {id: 'audit'})
UNWIND $events AS event
CREATE (e:AuditEvent)
SET e = event
WITH h, count(e) AS appended
SET h.seq = $seq, h.hash = $hash
