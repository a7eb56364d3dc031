// Members of each network $ids of the kinds asked for, ranked by a centrality ($by: a property
// name from a fixed list in code), then by their key; at most $limit per network (the caller asks
// for one more than it shows, to tell truncation).
UNWIND $ids AS id
CALL (id) {
  MATCH (m)-[r:MEMBER_OF]->(:Network {id: id})
  WHERE labels(m)[0] IN $labels
  RETURN m, r
  ORDER BY r[$by] DESC, r.pageRank DESC, elementId(m)
  LIMIT $limit
}
RETURN id, labels(m)[0] AS label, m AS n, r.betweenness AS betweenness, r.pageRank AS pageRank, r.degree AS degree
