// Upserts people (uids already resolved), one row per person of the batch, folded by the caller:
// its name comes from the record that ranks first (earliest observation, then source and record
// id: GraphWriter.rank), its date of birth likewise, kept with their ranks (nameRank, dobRank), so
// that whichever order records arrive in, across batches and imports, the same record gives the
// value. Every spelling of the name ever given is kept (nameForms, "key|spelling"); the aliases are
// the spellings other than the name's and every alias a record gave, sorted: they depend only on
// which names were given, never on their order or on where the batches ended.
UNWIND $people AS row
MERGE (p:Person {uid: row.uid})
  ON CREATE SET p.createdAt = datetime()
WITH p, row,
     row.nameRank IS NOT NULL AND (p.nameRank IS NULL OR row.nameRank < p.nameRank) AS betterName,
     row.dobRank IS NOT NULL AND (p.dobRank IS NULL OR row.dobRank < p.dobRank) AS betterDob
WITH p, row, betterName, betterDob,
     CASE WHEN betterName THEN row.nameKey ELSE p.nameKey END AS canonical,
     COLLECT {
       UNWIND coalesce(p.nameForms, []) + [n IN row.names | n.key + '|' + n.display] AS f
       WITH DISTINCT f WHERE f IS NOT NULL RETURN f ORDER BY f
     } AS forms,
     COLLECT {
       UNWIND coalesce(p.givenAliases, p.aliases, []) + row.aliases AS a
       WITH DISTINCT a WHERE a IS NOT NULL AND trim(a) <> '' RETURN a ORDER BY a
     } AS given
WITH p, row, betterName, betterDob, canonical, forms, given, COLLECT {
       UNWIND given + [f IN forms WHERE split(f, '|')[0] <> canonical | substring(f, size(split(f, '|')[0]) + 1)] AS a
       WITH DISTINCT a WHERE a IS NOT NULL AND trim(a) <> ''
       RETURN a ORDER BY a
     } AS aliases
SET p.personId = coalesce(p.personId, row.externalId),
    p.firstName = CASE WHEN betterName THEN row.firstName ELSE p.firstName END,
    p.lastName = CASE WHEN betterName THEN row.lastName ELSE p.lastName END,
    p.nameKey = canonical,
    p.nameRank = CASE WHEN betterName THEN row.nameRank ELSE p.nameRank END,
    p.dob = CASE WHEN betterDob THEN row.dob ELSE p.dob END,
    p.dobRank = CASE WHEN betterDob THEN row.dobRank ELSE p.dobRank END,
    p.nameForms = forms,
    p.givenAliases = given,
    p.aliases = aliases,
    p.aliasText = reduce(s = '', a IN aliases | s + ' ' + a)
