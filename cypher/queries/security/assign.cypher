// Assigns a case to a user (idempotent), recording who assigned it and when.
MATCH (c:Case {caseNumber: $caseNumber})
MERGE (u:User {name: $user})
MERGE (u)-[a:ASSIGNED_TO]->(c)
  ON CREATE SET a.by = $by, a.at = datetime()
RETURN c.caseNumber AS caseNumber
