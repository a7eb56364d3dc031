// The evidence relationships inside each of the networks $ids (both ends members of the same
// network), each linked pair once, for the members' centrality within their network; with each
// end's natural key, so the scores are computed in an order that depends on the data alone.
UNWIND $ids AS id
MATCH (n:Network {id: id})<-[:MEMBER_OF]-(a)-[r__TYPES__]-(b)-[:MEMBER_OF]->(n)
WHERE elementId(a) < elementId(b) AND (type(r) <> 'POSSIBLE_SAME_AS' OR r.status = 'CONFIRMED')
WITH DISTINCT id, a, b
RETURN id, elementId(a) AS a, elementId(b) AS b,
       labels(a)[0] + ':' + coalesce(a.caseNumber, a.uid, a.e164, a.address, a.key, a.adId, a.hash) AS ka,
       labels(b)[0] + ':' + coalesce(b.caseNumber, b.uid, b.e164, b.address, b.key, b.adId, b.hash) AS kb
