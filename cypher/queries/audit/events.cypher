// Audit events, newest first, each filter optional; keyset paging by seq ($before). The range on
// seq lets the planner walk the seq index backwards and stop at $limit.
MATCH (e:AuditEvent)
WHERE e.seq < $before
  AND ($user IS NULL OR e.user = $user)
  AND ($type IS NULL OR e.type = $type)
  AND ($outcome IS NULL OR e.outcome = $outcome)
  AND ($from IS NULL OR e.at >= $from)
  AND ($to IS NULL OR e.at < $to)
  AND ($returned IS NULL OR e.details CONTAINS $returned)
WITH e
ORDER BY e.seq DESC
LIMIT $limit
RETURN properties(e) AS e
