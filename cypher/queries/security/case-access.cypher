// Who may see a case: owner, agencies it is shared with, users assigned to it.
MATCH (c:Case {caseNumber: $caseNumber})
RETURN c.caseNumber AS caseNumber,
       coalesce(c.agency, head([(c)-[:OWNED_BY]->(a:Agency) | a.code])) AS ownedBy,
       [(c)-[:SHARED_WITH]->(a:Agency) | a.code] AS sharedWith,
       [(u:User)-[:ASSIGNED_TO]->(c) | u.name] AS assignedTo
