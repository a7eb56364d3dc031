// Upserts children (uids already resolved) and makes each the subject of its case.
UNWIND $rows AS row
MATCH (k:Case {caseNumber: row.caseNumber})
MERGE (c:Child {uid: row.uid})
  ON CREATE SET c.createdAt = datetime()
SET c.childId = coalesce(c.childId, row.externalId),
    c.firstName = coalesce(row.firstName, c.firstName),
    c.lastName = coalesce(row.lastName, c.lastName),
    c.nameKey = coalesce(row.nameKey, c.nameKey),
    c.dob = coalesce(row.dob, c.dob),
    c.sex = coalesce(row.sex, c.sex)
MERGE (c)-[r:SUBJECT_OF {source: row.source, recordId: row.recordId}]->(k)
  ON CREATE SET r.observedAt = row.observedAt, r.ingestedAt = datetime()
