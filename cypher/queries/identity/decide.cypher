// Records an analyst's decision on one identity proposal (between $a and $b): its status, who,
// when and why, appended to the proposal's history. Nodes are never merged.
MATCH (a:Person|Child {uid: $a})-[r:POSSIBLE_SAME_AS]->(b:Person|Child {uid: $b})
WHERE labels(a) = labels(b)
SET r.status = $status, r.decidedBy = $by, r.decidedAt = $now, r.reason = $why,
    r.history = coalesce(r.history, []) + $entry
RETURN a AS a, b AS b, r.score AS score, r.rule AS rule, r.status AS status, r.proposedAt AS proposedAt,
       r.decidedBy AS decidedBy, r.decidedAt AS decidedAt, r.reason AS reason, coalesce(r.history, []) AS history
