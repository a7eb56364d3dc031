// Networks with at least $minCases cases, the most cases first; one more than asked for, to tell
// truncation.
MATCH (n:Network)
WHERE n.caseCount >= $minCases
RETURN n.id AS id
ORDER BY n.caseCount DESC, n.size DESC, n.id
LIMIT $limit
