// Up to 10,000 case links a refresh did not find again (computed before $computedAt, through the
// case_link_computed index), deleted; run until it deletes none.
MATCH (:Case)-[l:CASE_LINK]->(:Case)
WHERE l.computedAt < $computedAt
WITH l LIMIT 10000
DELETE l
RETURN count(*) AS deleted
