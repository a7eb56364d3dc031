// Proposes that two __LABEL__ nodes are the same individual, with a score and the rule that
// explains it; a link an analyst has decided keeps its score and rule.
UNWIND $rows AS p
MATCH (a:__LABEL__ {uid: p.a}), (b:__LABEL__ {uid: p.b})
MERGE (a)-[r:POSSIBLE_SAME_AS]->(b)
  ON CREATE SET r.status = 'PROPOSED', r.proposedAt = datetime(), r.history = [],
    r.source = 'caselink:identity', r.recordId = p.a + '|' + p.b, r.ingestedAt = datetime()
SET r.score = CASE WHEN r.status = 'PROPOSED' THEN p.score ELSE r.score END,
  r.rule = CASE WHEN r.status = 'PROPOSED' THEN p.rule ELSE r.rule END
