// Users with assignments, and their cases.
MATCH (u:User)
RETURN u.name AS name, [(u)-[:ASSIGNED_TO]->(c:Case) | c.caseNumber] AS cases
ORDER BY name
