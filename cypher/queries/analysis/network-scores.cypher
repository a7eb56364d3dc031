// Centrality scores onto the MEMBER_OF relationships (a member's standing in its network).
UNWIND $scores AS s
MATCH (m)-[r:MEMBER_OF]->(:Network) WHERE elementId(m) = s.id
SET r.betweenness = s.betweenness, r.pageRank = s.pageRank, r.degree = s.degree
