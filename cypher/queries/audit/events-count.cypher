// How many audit events match the filters of an auditEventsConnection (its totalCount), whatever
// the page.
MATCH (e:AuditEvent)
WHERE ($user IS NULL OR e.user = $user)
  AND ($type IS NULL OR e.type = $type)
  AND ($outcome IS NULL OR e.outcome = $outcome)
  AND ($from IS NULL OR e.at >= $from)
  AND ($to IS NULL OR e.at < $to)
  AND ($returned IS NULL OR e.details CONTAINS $returned)
RETURN count(e) AS total
