// Upserts cases and their owning agency. The record is authoritative for the case's fields.
UNWIND $rows AS row
MERGE (a:Agency {code: row.agency})
MERGE (c:Case {caseNumber: row.caseNumber})
  ON CREATE SET c.createdAt = datetime()
SET c.type = row.type, c.status = row.status, c.reportedAt = row.reportedAt, c.agency = row.agency,
    c.state = row.state, c.summary = row.summary
MERGE (c)-[r:OWNED_BY {source: row.source, recordId: row.recordId}]->(a)
  ON CREATE SET r.observedAt = row.observedAt, r.ingestedAt = datetime()
WITH c, a
// A case has one owner: a record that moves it to another agency ends the old ownership.
OPTIONAL MATCH (c)-[old:OWNED_BY]->(other:Agency) WHERE other <> a
DELETE old
