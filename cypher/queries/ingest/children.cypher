// Upserts children (uids already resolved), one row per child of the batch, folded by the caller:
// name, date of birth and sex each from the record that ranks first (see persons.cypher), kept
// with their ranks; every spelling of the name is kept (nameForms) and the others are its aliases,
// sorted, never lost.
UNWIND $people AS row
MERGE (c:Child {uid: row.uid})
  ON CREATE SET c.createdAt = datetime()
WITH c, row,
     row.nameRank IS NOT NULL AND (c.nameRank IS NULL OR row.nameRank < c.nameRank) AS betterName,
     row.dobRank IS NOT NULL AND (c.dobRank IS NULL OR row.dobRank < c.dobRank) AS betterDob,
     row.sexRank IS NOT NULL AND (c.sexRank IS NULL OR row.sexRank < c.sexRank) AS betterSex
WITH c, row, betterName, betterDob, betterSex,
     CASE WHEN betterName THEN row.nameKey ELSE c.nameKey END AS canonical,
     COLLECT {
       UNWIND coalesce(c.nameForms, []) + [n IN row.names | n.key + '|' + n.display] AS f
       WITH DISTINCT f WHERE f IS NOT NULL RETURN f ORDER BY f
     } AS forms
WITH c, row, betterName, betterDob, betterSex, canonical, forms, COLLECT {
       UNWIND CASE WHEN c.nameForms IS NULL THEN coalesce(c.aliases, []) ELSE [] END
              + [f IN forms WHERE split(f, '|')[0] <> canonical | substring(f, size(split(f, '|')[0]) + 1)] AS a
       WITH DISTINCT a WHERE a IS NOT NULL AND trim(a) <> ''
       RETURN a ORDER BY a
     } AS aliases
SET c.childId = coalesce(c.childId, row.externalId),
    c.firstName = CASE WHEN betterName THEN row.firstName ELSE c.firstName END,
    c.lastName = CASE WHEN betterName THEN row.lastName ELSE c.lastName END,
    c.nameKey = canonical,
    c.nameRank = CASE WHEN betterName THEN row.nameRank ELSE c.nameRank END,
    c.dob = CASE WHEN betterDob THEN row.dob ELSE c.dob END,
    c.dobRank = CASE WHEN betterDob THEN row.dobRank ELSE c.dobRank END,
    c.sex = CASE WHEN betterSex THEN row.sex ELSE c.sex END,
    c.sexRank = CASE WHEN betterSex THEN row.sexRank ELSE c.sexRank END,
    c.nameForms = forms,
    c.aliases = aliases,
    c.aliasText = reduce(s = '', a IN aliases | s + ' ' + a)
