// The strongest case-to-case links across the graph, strongest first; one more than asked for,
// to tell truncation.
MATCH (a:Case)-[l:CASE_LINK]->(b:Case)
WHERE l.score >= $minScore
RETURN a, b, l.score AS score, l.distance AS distance
ORDER BY l.score DESC, a.caseNumber, b.caseNumber
LIMIT $limit
