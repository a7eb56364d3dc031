MATCH (c:Case {caseNumber: $caseNumber})
OPTIONAL MATCH (:User {name: $user})-[a:ASSIGNED_TO]->(c)
DELETE a
RETURN DISTINCT c.caseNumber AS caseNumber
