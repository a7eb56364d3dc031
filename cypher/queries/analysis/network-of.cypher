// The network a node belongs to.
MATCH __MATCH__
MATCH (n)-[:MEMBER_OF]->(nw:Network)
RETURN nw.id AS id
