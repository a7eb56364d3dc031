// The first $n identity proposals with status $status and a score of at least $minScore, best
// first, between two __LABEL__ nodes (Person, Child, or Person|Child for both: from the enum only).
MATCH (a:__LABEL__)-[r:POSSIBLE_SAME_AS {status: $status}]->(b:__LABEL__)
WHERE labels(a) = labels(b) AND r.score >= $minScore
WITH a, b, r ORDER BY r.score DESC, a.uid, b.uid LIMIT $n
RETURN a AS a, b AS b, r.score AS score, r.rule AS rule, r.status AS status, r.proposedAt AS proposedAt,
       r.decidedBy AS decidedBy, r.decidedAt AS decidedAt, r.reason AS reason, coalesce(r.history, []) AS history
