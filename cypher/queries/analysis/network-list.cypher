// Networks with at least $minCases cases, the most cases first; one more than asked for, to tell
// truncation. A page starts after the keyset position of the last network before ($afterCases,
// $afterSize, $afterId), null for the first page.
MATCH (n:Network)
WHERE n.caseCount >= $minCases
  AND ($afterId IS NULL
       OR n.caseCount < $afterCases
       OR (n.caseCount = $afterCases AND (n.size < $afterSize OR (n.size = $afterSize AND n.id > $afterId))))
RETURN n.id AS id, n.caseCount AS cases, n.size AS size
ORDER BY n.caseCount DESC, n.size DESC, n.id
LIMIT $limit
