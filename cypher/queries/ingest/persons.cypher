// Upserts people (uids already resolved) in one role (__ROLE__) in their case. Aliases accumulate.
UNWIND $rows AS row
MATCH (k:Case {caseNumber: row.caseNumber})
MERGE (p:Person {uid: row.uid})
  ON CREATE SET p.createdAt = datetime()
WITH k, p, row, [a IN coalesce(p.aliases, []) WHERE NOT a IN row.aliases] + row.aliases AS aliases
SET p.personId = coalesce(p.personId, row.externalId),
    p.firstName = coalesce(row.firstName, p.firstName),
    p.lastName = coalesce(row.lastName, p.lastName),
    p.nameKey = coalesce(row.nameKey, p.nameKey),
    p.dob = coalesce(row.dob, p.dob),
    p.aliases = aliases,
    p.aliasText = reduce(s = '', a IN aliases | s + ' ' + a)
MERGE (p)-[r:__ROLE__ {source: row.source, recordId: row.recordId}]->(k)
  ON CREATE SET r.observedAt = row.observedAt, r.ingestedAt = datetime()
