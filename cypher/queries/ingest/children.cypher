// Upserts children (uids already resolved) and makes each the subject of its case. The first
// record to name a child sets the name; another spelling of it is kept as an alias, never lost.
UNWIND $rows AS row
MATCH (k:Case {caseNumber: row.caseNumber})
MERGE (c:Child {uid: row.uid})
  ON CREATE SET c.createdAt = datetime()
WITH k, c, row,
     CASE WHEN c.nameKey IS NOT NULL AND row.nameKey IS NOT NULL AND row.nameKey <> c.nameKey
          THEN [trim(coalesce(row.firstName, '') + ' ' + coalesce(row.lastName, ''))] ELSE [] END AS variant
WITH k, c, row, [a IN coalesce(c.aliases, []) WHERE NOT a IN variant] + variant AS aliases
SET c.childId = coalesce(c.childId, row.externalId),
    c.firstName = coalesce(c.firstName, row.firstName),
    c.lastName = coalesce(c.lastName, row.lastName),
    c.nameKey = coalesce(c.nameKey, row.nameKey),
    c.dob = coalesce(c.dob, row.dob),
    c.sex = coalesce(c.sex, row.sex),
    c.aliases = aliases,
    c.aliasText = reduce(s = '', a IN aliases | s + ' ' + a)
MERGE (c)-[r:SUBJECT_OF {source: row.source, recordId: row.recordId}]->(k)
  ON CREATE SET r.observedAt = row.observedAt, r.ingestedAt = datetime()
