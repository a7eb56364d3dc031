// The oldest kept events (after the retention anchor), in seq order, up to $limit: the purge
// removes the prefix of them that is old enough and has no gap.
MATCH (e:AuditEvent)
WHERE e.seq > $anchor
WITH e
ORDER BY e.seq
LIMIT $limit
RETURN e.seq AS seq, e.at AS at, e.hash AS hash
