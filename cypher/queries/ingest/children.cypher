// Upserts children (uids already resolved), one row per child of the batch, its records' values
// folded in record order by the caller: the first record to name a child sets the name; another
// spelling of it is kept as an alias, never lost; aliases are kept sorted (see persons.cypher).
UNWIND $people AS row
MERGE (c:Child {uid: row.uid})
  ON CREATE SET c.createdAt = datetime()
WITH c, row, coalesce(c.nameKey, row.nameKey) AS canonical
WITH c, row, COLLECT {
       UNWIND coalesce(c.aliases, []) + [n IN row.names WHERE n.key <> canonical | n.display] AS a
       WITH DISTINCT a WHERE a IS NOT NULL AND trim(a) <> ''
       RETURN a ORDER BY a
     } AS aliases
SET c.childId = coalesce(c.childId, row.externalId),
    c.firstName = coalesce(c.firstName, row.firstName),
    c.lastName = coalesce(c.lastName, row.lastName),
    c.nameKey = coalesce(c.nameKey, row.nameKey),
    c.dob = coalesce(c.dob, row.dob),
    c.sex = coalesce(c.sex, row.sex),
    c.aliases = aliases,
    c.aliasText = reduce(s = '', a IN aliases | s + ' ' + a)
