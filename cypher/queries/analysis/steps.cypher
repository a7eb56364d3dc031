// Every relationship (and its evidence) between consecutive nodes of the paths found, over the
// allowed types (__TYPES__), following confirmed identities, and identities proposed and not yet
// decided when $proposals asks for them (linked cases: as PROPOSED_SAME_AS).
UNWIND $pairs AS pair
MATCH (a) WHERE elementId(a) = pair[0]
MATCH (b) WHERE elementId(b) = pair[1]
MATCH (a)-[r__TYPES__]-(b)
WHERE type(r) <> 'POSSIBLE_SAME_AS' OR r.status = 'CONFIRMED' OR ($proposals AND r.status = 'PROPOSED')
RETURN pair[0] AS from, pair[1] AS to,
       CASE WHEN type(r) = 'POSSIBLE_SAME_AS' AND r.status = 'PROPOSED' THEN 'PROPOSED_SAME_AS' ELSE type(r) END AS type,
       startNode(r) = a AS forward, elementId(r) AS rel,
       r {.source, .recordId, .observedAt, .ingestedAt} AS evidence
