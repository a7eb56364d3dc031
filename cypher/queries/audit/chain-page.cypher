// One page of the audit chain in seq order, for verification: events after $after, up to the
// head's seq as read when verification started (later appends are left to the next check).
MATCH (e:AuditEvent)
WHERE e.seq > $after AND e.seq <= $last
WITH e
ORDER BY e.seq
LIMIT $limit
RETURN properties(e) AS e
