// Shares a case with an agency (idempotent), recording who shared it and when.
MATCH (c:Case {caseNumber: $caseNumber})
MERGE (a:Agency {code: $agency})
MERGE (c)-[s:SHARED_WITH]->(a)
  ON CREATE SET s.by = $by, s.at = datetime()
RETURN c.caseNumber AS caseNumber
