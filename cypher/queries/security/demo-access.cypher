// The demo's sharing and assignments, so that every demo account has something to show: the first
// AGENCY-B case (by number) is shared with AGENCY-A; casemanager is assigned MC-2023-000100 (the
// README's example case) and analyst the first other case of AGENCY-A.
CALL () {
  MATCH (c:Case)-[:OWNED_BY]->(:Agency {code: 'AGENCY-B'})
  WITH c ORDER BY c.caseNumber LIMIT 1
  MERGE (a:Agency {code: 'AGENCY-A'})
  MERGE (c)-[s:SHARED_WITH]->(a)
    ON CREATE SET s.by = 'demo', s.at = datetime()
}
CALL () {
  MATCH (c:Case {caseNumber: 'MC-2023-000100'})
  MERGE (u:User {name: 'casemanager'})
  MERGE (u)-[a:ASSIGNED_TO]->(c)
    ON CREATE SET a.by = 'demo', a.at = datetime()
}
CALL () {
  MATCH (c:Case)-[:OWNED_BY]->(:Agency {code: 'AGENCY-A'})
  WHERE c.caseNumber <> 'MC-2023-000100'
  WITH c ORDER BY c.caseNumber LIMIT 1
  MERGE (u:User {name: 'analyst'})
  MERGE (u)-[a:ASSIGNED_TO]->(c)
    ON CREATE SET a.by = 'demo', a.at = datetime()
}
