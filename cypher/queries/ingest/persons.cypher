// Upserts people (uids already resolved) in one role (__ROLE__) in their case. The first record to
// name a person sets the name; other spellings and aliases accumulate as aliases.
UNWIND $rows AS row
MATCH (k:Case {caseNumber: row.caseNumber})
MERGE (p:Person {uid: row.uid})
  ON CREATE SET p.createdAt = datetime()
WITH k, p, row,
     CASE WHEN p.nameKey IS NOT NULL AND row.nameKey IS NOT NULL AND row.nameKey <> p.nameKey
          THEN [trim(coalesce(row.firstName, '') + ' ' + coalesce(row.lastName, ''))] ELSE [] END AS variant
WITH k, p, row, [a IN coalesce(p.aliases, []) WHERE NOT a IN row.aliases + variant] + row.aliases + variant AS aliases
SET p.personId = coalesce(p.personId, row.externalId),
    p.firstName = coalesce(p.firstName, row.firstName),
    p.lastName = coalesce(p.lastName, row.lastName),
    p.nameKey = coalesce(p.nameKey, row.nameKey),
    p.dob = coalesce(p.dob, row.dob),
    p.block1 = coalesce(p.block1, row.block1),
    p.block2 = coalesce(p.block2, row.block2),
    p.aliases = aliases,
    p.aliasText = reduce(s = '', a IN aliases | s + ' ' + a)
MERGE (p)-[r:__ROLE__ {source: row.source, recordId: row.recordId}]->(k)
  ON CREATE SET r.observedAt = row.observedAt, r.ingestedAt = datetime()
