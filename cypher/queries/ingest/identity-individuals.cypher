// Every __LABEL__ as the identity proposer reads it: names, date of birth, and the contacts that
// at most $maxShared individuals use (a contact many use says nothing about who is who).
MATCH (p:__LABEL__)
RETURN p.uid AS uid, p.__EXTERNAL_ID__ AS externalId, p.firstName AS first, p.lastName AS last,
  p.nameKey AS nameKey, coalesce(p.aliases, []) AS aliases, p.dob AS dob,
  [(p)-[:USES]->(c) WHERE COUNT { (c)<-[:USES]-() } <= $maxShared | elementId(c)] AS contacts
ORDER BY uid
