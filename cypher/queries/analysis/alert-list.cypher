// Alerts, newest first, optionally of one status, with their watch and its target. __FROM__ is
// chosen in code (by alert id, by watch id, or every alert) so that each lookup uses its index.
__FROM__
WHERE $status IS NULL OR al.status = $status
MATCH (w)-[:WATCHES]->(n)
RETURN al, w, labels(n)[0] AS label, n, elementId(n) AS target
ORDER BY al.createdAt DESC, al.id
LIMIT $limit
