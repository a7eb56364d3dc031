// Records that two people are associated; one relationship per piece of evidence, either direction.
UNWIND $rows AS row
MATCH (a:Person {uid: row.from})
MATCH (b:Person {uid: row.to})
MERGE (a)-[r:ASSOCIATED_WITH {source: row.source, recordId: row.recordId}]-(b)
  ON CREATE SET r.observedAt = row.observedAt, r.ingestedAt = datetime()
