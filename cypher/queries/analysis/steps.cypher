// Every relationship (and its evidence) between consecutive nodes of the paths found, over the
// allowed types (__TYPES__), following only confirmed identities.
UNWIND $pairs AS pair
MATCH (a) WHERE elementId(a) = pair[0]
MATCH (b) WHERE elementId(b) = pair[1]
MATCH (a)-[r__TYPES__]-(b)
WHERE type(r) <> 'POSSIBLE_SAME_AS' OR r.status = 'CONFIRMED'
RETURN pair[0] AS from, pair[1] AS to, type(r) AS type, startNode(r) = a AS forward, elementId(r) AS rel,
       r {.source, .recordId, .observedAt, .ingestedAt} AS evidence
