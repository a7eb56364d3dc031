// One breadth-first step of linkedCases and caseLinks: every neighbour of the frontier over the
// evidence types (__TYPES__, from the LinkType allow-list only), one row per pair of a frontier
// node and a neighbour, carrying only what the score needs: the kind and strength of each
// relationship between the two (parallel records of one link make one row), and no evidence (the
// paths kept load theirs at the end, by analysis/steps). Identities are followed when confirmed, or
// proposed and $proposals asks for them.
// Each frontier node's degree (its distinct neighbours over those types, a proposed identity never
// counting) is counted from the very rows that expand it, so a node's degree costs nothing beyond
// its own expansion; it is what the node's specificity needs, and only a node that is expanded can
// be inside a path. A neighbour carries its relationship count instead (cheap, from the store):
// above $hub it is a hub, shown and never expanded. Both count the whole graph: for a partner,
// Explorer counts again over its scope (analysis/neighbours).
UNWIND $frontier AS id
MATCH (a) WHERE elementId(a) = id
CALL (a) {
  MATCH (a)-[r__TYPES__]-(b)
  WHERE type(r) <> 'POSSIBLE_SAME_AS' OR r.status = 'CONFIRMED' OR ($proposals AND r.status = 'PROPOSED')
  WITH b, collect({type: CASE WHEN type(r) = 'POSSIBLE_SAME_AS' AND r.status = 'PROPOSED' THEN 'PROPOSED_SAME_AS'
                              ELSE type(r) END,
                   strength: CASE type(r) WHEN 'SIMILAR_TEXT' THEN r.jaccard
                                          WHEN 'SIMILAR_IMAGE' THEN 1.0 - r.distance / 8.0
                                          WHEN 'POSSIBLE_SAME_AS' THEN CASE r.status WHEN 'PROPOSED' THEN r.score ELSE 1.0 END
                                          ELSE 1.0 END}) AS kinds
  RETURN b, kinds, any(k IN kinds WHERE k.type <> 'PROPOSED_SAME_AS') AS counts
}
WITH id, collect({b: b, kinds: kinds, counts: counts}) AS neighbours
WITH id, neighbours, size([n IN neighbours WHERE n.counts]) AS degree
UNWIND neighbours AS n
WITH id, degree, n.b AS b, n.kinds AS kinds
RETURN id AS from, degree AS fromDegree, elementId(b) AS to, labels(b)[0] AS label, kinds,
       COUNT { (b)-[__TYPES__]-() } AS relationships
