MATCH (c:Case {caseNumber: $caseNumber})
OPTIONAL MATCH (c)-[s:SHARED_WITH]->(:Agency {code: $agency})
DELETE s
RETURN DISTINCT c.caseNumber AS caseNumber
