// The children of the rows that are already in the graph (by uid), and whether each is already
// the subject of the row's case: linking an existing child to a new case needs need-to-know.
UNWIND $rows AS row
MATCH (c:Child {uid: row.uid})
RETURN c.uid AS uid, EXISTS { (c)-[:SUBJECT_OF]->(:Case {caseNumber: row.caseNumber}) } AS already
