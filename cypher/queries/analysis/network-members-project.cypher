// The relationships inside each network (none between networks), projected as $name so that
// centrality is computed for every network at once, each on its own members.
MATCH (n:Network)<-[:MEMBER_OF]-(a)-[r__TYPES__]->(b)-[:MEMBER_OF]->(n)
WHERE type(r) <> 'POSSIBLE_SAME_AS' OR r.status = 'CONFIRMED'
WITH CASE WHEN elementId(a) < elementId(b) THEN a ELSE b END AS x,
     CASE WHEN elementId(a) < elementId(b) THEN b ELSE a END AS y
WITH DISTINCT x AS a, y AS b
WITH gds.graph.project($name, a, b, {}, {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.nodeCount AS nodes, g.relationshipCount AS relationships
