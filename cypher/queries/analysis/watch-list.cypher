// Active watches, newest first, with what they watch.
MATCH (w:Watch {active: true})-[:WATCHES]->(n)
WHERE $id IS NULL OR w.id = $id
RETURN w, labels(n)[0] AS label, n, elementId(n) AS target
ORDER BY w.createdAt DESC, w.id
LIMIT $limit
