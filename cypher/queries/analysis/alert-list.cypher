// Alerts, newest first, optionally of one status or one watch, with their watch and its target.
MATCH (al:Alert)-[:RAISED_BY]->(w:Watch)-[:WATCHES]->(n)
WHERE ($status IS NULL OR al.status = $status) AND ($watch IS NULL OR w.id = $watch)
  AND ($id IS NULL OR al.id = $id)
RETURN al, w, labels(n)[0] AS label, n, elementId(n) AS target
ORDER BY al.createdAt DESC, al.id
LIMIT $limit
