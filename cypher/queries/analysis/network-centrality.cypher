// One centrality of every network member, within its own network: __ALGORITHM__ comes from a fixed
// list in code (betweenness, pageRank, degree), never from a request.
CALL gds.__ALGORITHM__.stream($name) YIELD nodeId, score
RETURN elementId(gds.util.asNode(nodeId)) AS id, score
