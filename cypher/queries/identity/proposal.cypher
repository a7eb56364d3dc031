// One identity proposal, between $a and $b (node(id) of an IdentityProposal), whatever its status.
MATCH (a:Person|Child {uid: $a})-[r:POSSIBLE_SAME_AS]->(b:Person|Child {uid: $b})
WHERE labels(a) = labels(b)
RETURN a AS a, b AS b, r.score AS score, r.rule AS rule, r.status AS status, r.proposedAt AS proposedAt,
       r.decidedBy AS decidedBy, r.decidedAt AS decidedAt, r.reason AS reason, coalesce(r.history, []) AS history
