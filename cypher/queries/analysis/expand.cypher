// One breadth-first step of an analysis: every neighbour of the frontier over the relationship
// types allowed (__TYPES__, from the LinkType allow-list only), with the evidence of each
// relationship and the neighbour's degree: its distinct neighbours over those types (parallel
// records of one link count once; an identity counts and is followed only when it is confirmed).
// A node with more than $hub relationships is a hub whatever its neighbours, and its degree is then
// its relationship count (cheap, from the store). Both count the whole graph: for a partner,
// Explorer counts again over its scope (analysis/neighbours). Linked cases walk with analysis/walk.
UNWIND $frontier AS id
MATCH (a) WHERE elementId(a) = id
MATCH (a)-[r__TYPES__]-(b)
WHERE type(r) <> 'POSSIBLE_SAME_AS' OR r.status = 'CONFIRMED'
WITH b, collect({from: id, type: type(r), forward: startNode(r) = a, rel: elementId(r),
                 evidence: r {.source, .recordId, .observedAt, .ingestedAt}}) AS hops,
     COUNT { (b)-[__TYPES__]-() } AS relationships
WITH b, hops, CASE WHEN relationships > $hub THEN relationships
                   ELSE COUNT { MATCH (b)-[s__TYPES__]-(x)
                                WHERE type(s) <> 'POSSIBLE_SAME_AS' OR s.status = 'CONFIRMED'
                                RETURN DISTINCT x } END AS degree
UNWIND hops AS hop
RETURN hop.from AS from, elementId(b) AS to, labels(b)[0] AS label, degree, hop.type AS type,
       hop.forward AS forward, hop.rel AS rel, hop.evidence AS evidence
