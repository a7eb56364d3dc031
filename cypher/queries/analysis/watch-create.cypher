// A new watch on a node (__MATCH__ from EntityType only).
MATCH __MATCH__
CREATE (w:Watch {id: $id, hops: $hops, note: $note, createdAt: datetime(), active: true})-[:WATCHES]->(n)
RETURN w, labels(n)[0] AS label, n
