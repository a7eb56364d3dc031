// One batch of detected networks: each a Network node its members point to.
UNWIND $networks AS nw
CREATE (n:Network {id: nw.id, computedAt: $computedAt, size: size(nw.members), caseCount: size(nw.cases)})
WITH n, nw
UNWIND nw.members AS member
MATCH (m) WHERE elementId(m) = member
CREATE (m)-[:MEMBER_OF]->(n)
