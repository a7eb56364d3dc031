// The evidence relationships inside each of the networks $ids (both ends members of the same
// network), each linked pair once, for the members' centrality within their network.
UNWIND $ids AS id
MATCH (n:Network {id: id})<-[:MEMBER_OF]-(a)-[r__TYPES__]-(b)-[:MEMBER_OF]->(n)
WHERE elementId(a) < elementId(b) AND (type(r) <> 'POSSIBLE_SAME_AS' OR r.status = 'CONFIRMED')
RETURN DISTINCT id, elementId(a) AS a, elementId(b) AS b
