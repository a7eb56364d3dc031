// Each record's child as the subject of its case, merged on the record's evidence, with the name
// this record gave (see person-roles.cypher).
UNWIND $rows AS row
MATCH (k:Case {caseNumber: row.caseNumber}), (c:Child {uid: row.uid})
MERGE (c)-[r:SUBJECT_OF {source: row.source, recordId: row.recordId}]->(k)
  ON CREATE SET r.observedAt = row.observedAt, r.ingestedAt = datetime()
SET r.names = row.recordNames
