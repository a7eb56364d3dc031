// Every identity proposal the filters select (as in identity/proposals), by its two uids: the caller
// counts those the viewer may see.
MATCH (a:__LABEL__)-[r:POSSIBLE_SAME_AS {status: $status}]->(b:__LABEL__)
WHERE labels(a) = labels(b) AND r.score >= $minScore
RETURN 'Child' IN labels(a) AS child, a.uid AS a, b.uid AS b
