// The relationships between members of network $id, of the types $types (those that link
// evidence), in a fixed order, at most $limit (the caller asks for one more than it shows).
MATCH (:Network {id: $id})<-[:MEMBER_OF]-(a)-[r]->(b)-[:MEMBER_OF]->(:Network {id: $id})
WHERE type(r) IN $types
RETURN a, b, r, type(r) AS type
ORDER BY elementId(a), elementId(b), type(r), elementId(r)
LIMIT $limit
