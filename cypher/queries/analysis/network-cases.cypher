// The cases of each network $ids, in the order they were reported.
UNWIND $ids AS id
MATCH (c:Case)-[:MEMBER_OF]->(:Network {id: id})
RETURN id, c
ORDER BY c.reportedAt, c.caseNumber
