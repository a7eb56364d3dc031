// Alerts raised by one watch: one per record, whatever the number of checks (the key is the
// watch and the record).
MATCH (w:Watch {id: $watch})
UNWIND $alerts AS a
MERGE (al:Alert {key: a.key})
  ON CREATE SET al.id = a.id, al.createdAt = datetime(), al.status = 'OPEN', al.source = a.source,
                al.recordId = a.recordId, al.observedAt = a.observedAt, al.ingestedAt = a.ingestedAt,
                al.pathNodes = a.pathNodes
MERGE (al)-[:RAISED_BY]->(w)
RETURN count(*) AS alerts
