// Each record's person in one role (__ROLE__) in its case, merged on the record's evidence. The
// names this record gave (name and aliases) are kept on it: a partner is shown only the aliases its
// own records gave, not those another agency's record merged into the node.
UNWIND $rows AS row
MATCH (k:Case {caseNumber: row.caseNumber}), (p:Person {uid: row.uid})
MERGE (p)-[r:__ROLE__ {source: row.source, recordId: row.recordId}]->(k)
  ON CREATE SET r.observedAt = row.observedAt, r.ingestedAt = datetime()
SET r.names = row.recordNames
