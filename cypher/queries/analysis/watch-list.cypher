// Active watches, newest first, with what they watch; one by id, or a page after a keyset
// position ($afterTime, $afterKey: the createdAt and id of the last watch of the page before).
MATCH (w:Watch {active: true})-[:WATCHES]->(n)
WHERE ($id IS NULL OR w.id = $id)
  AND ($afterTime IS NULL OR w.createdAt < $afterTime OR (w.createdAt = $afterTime AND w.id > $afterKey))
RETURN w, labels(n)[0] AS label, n, elementId(n) AS target
ORDER BY w.createdAt DESC, w.id
LIMIT $limit
