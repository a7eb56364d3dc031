// The POSSIBLE_SAME_AS links between __LABEL__ nodes: their status (PROPOSED, or an analyst's
// decision) and score.
MATCH (a:__LABEL__)-[r:POSSIBLE_SAME_AS]->(b:__LABEL__)
WHERE r.status IS NOT NULL
RETURN a.uid AS a, b.uid AS b, r.status AS status, r.score AS score
