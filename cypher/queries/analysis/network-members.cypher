// Members of one network of the kinds asked for, ranked by a centrality ($by: a property name
// from a fixed list in code), then by their key; one more than asked for, to tell truncation.
MATCH (m)-[r:MEMBER_OF]->(:Network {id: $id})
WHERE labels(m)[0] IN $labels
RETURN labels(m)[0] AS label, m AS n, r.betweenness AS betweenness, r.pageRank AS pageRank, r.degree AS degree
ORDER BY r[$by] DESC, r.pageRank DESC, elementId(m)
LIMIT $limit
