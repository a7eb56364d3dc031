// Upserts people (uids already resolved), one row per person of the batch, its records' values
// folded in record order by the caller: the first record to give a field sets it, and every other
// spelling of the name and every alias accumulate as aliases, kept sorted so the list depends only
// on which names were given, never on their order or on where the batches ended.
UNWIND $people AS row
MERGE (p:Person {uid: row.uid})
  ON CREATE SET p.createdAt = datetime()
WITH p, row, coalesce(p.nameKey, row.nameKey) AS canonical
WITH p, row, COLLECT {
       UNWIND coalesce(p.aliases, []) + row.aliases + [n IN row.names WHERE n.key <> canonical | n.display] AS a
       WITH DISTINCT a WHERE a IS NOT NULL AND trim(a) <> ''
       RETURN a ORDER BY a
     } AS aliases
SET p.personId = coalesce(p.personId, row.externalId),
    p.firstName = coalesce(p.firstName, row.firstName),
    p.lastName = coalesce(p.lastName, row.lastName),
    p.nameKey = coalesce(p.nameKey, row.nameKey),
    p.dob = coalesce(p.dob, row.dob),
    p.block1 = coalesce(p.block1, row.block1),
    p.block2 = coalesce(p.block2, row.block2),
    p.aliases = aliases,
    p.aliasText = reduce(s = '', a IN aliases | s + ' ' + a)
