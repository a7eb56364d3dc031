// Alerts, newest first, optionally of one status, with their watch and its target; a page starts
// after a keyset position ($afterTime, $afterKey: the createdAt and id of the last alert before).
// __FROM__ is chosen in code (by alert id, by watch id, or every alert) so that each lookup uses
// its index.
__FROM__
WHERE ($status IS NULL OR al.status = $status)
  AND ($afterTime IS NULL OR al.createdAt < $afterTime OR (al.createdAt = $afterTime AND al.id > $afterKey))
MATCH (w)-[:WATCHES]->(n)
RETURN al, w, labels(n)[0] AS label, n, elementId(n) AS target
ORDER BY al.createdAt DESC, al.id
LIMIT $limit
