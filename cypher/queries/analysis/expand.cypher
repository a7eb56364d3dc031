// One breadth-first step of an analysis: every neighbour of the frontier over the relationship
// types allowed (__TYPES__, from the LinkType allow-list only), with the evidence of each
// relationship and the neighbour's degree: its distinct neighbours over those types (parallel
// records of one link count once; a proposed or rejected identity never counts, and is followed
// only when it is confirmed, or proposed and $proposals asks for proposals (linked cases weigh them
// by their score; nothing else follows them), and how strong the link itself is (a near-duplicate's
// similarity; 1 for a link a record asserts). A node with more than $hub relationships is a hub whatever
// its neighbours, and its degree is then its relationship count (cheap, from the store).
UNWIND $frontier AS id
MATCH (a) WHERE elementId(a) = id
MATCH (a)-[r__TYPES__]-(b)
WHERE type(r) <> 'POSSIBLE_SAME_AS' OR r.status = 'CONFIRMED' OR ($proposals AND r.status = 'PROPOSED')
WITH b, collect({from: id,
                 type: CASE WHEN type(r) = 'POSSIBLE_SAME_AS' AND r.status = 'PROPOSED' THEN 'PROPOSED_SAME_AS'
                            ELSE type(r) END,
                 forward: startNode(r) = a, rel: elementId(r),
                 evidence: r {.source, .recordId, .observedAt, .ingestedAt},
                 strength: CASE type(r) WHEN 'SIMILAR_TEXT' THEN r.jaccard
                                        WHEN 'SIMILAR_IMAGE' THEN 1.0 - r.distance / 8.0
                                        WHEN 'POSSIBLE_SAME_AS' THEN CASE r.status WHEN 'PROPOSED' THEN r.score ELSE 1.0 END
                                        ELSE 1.0 END}) AS hops,
     CASE WHEN $allowed IS NULL THEN COUNT { (b)-[__TYPES__]-() }
          ELSE COUNT { MATCH (b)-[__TYPES__]-(o) WHERE elementId(o) IN $allowed RETURN o } END AS relationships
WITH b, hops, CASE WHEN relationships > $hub THEN relationships
                   ELSE COUNT { MATCH (b)-[s__TYPES__]-(x)
                                WHERE (type(s) <> 'POSSIBLE_SAME_AS' OR s.status = 'CONFIRMED')
                                  AND ($allowed IS NULL OR elementId(x) IN $allowed)
                                RETURN DISTINCT x } END AS degree
UNWIND hops AS hop
RETURN hop.from AS from, elementId(b) AS to, labels(b)[0] AS label, degree, hop.type AS type,
       hop.forward AS forward, hop.rel AS rel, hop.evidence AS evidence, coalesce(hop.strength, 1.0) AS strength
