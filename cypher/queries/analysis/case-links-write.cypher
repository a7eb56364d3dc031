// The case-to-case links found by linkedCases, one per pair (from the lower case number), kept
// for the "cases to look at together" view. Derived, not evidence: analysis never follows CASE_LINK.
// A link found again by a later refresh is updated in place.
UNWIND $links AS l
MATCH (a:Case {caseNumber: l.a}), (b:Case {caseNumber: l.b})
MERGE (a)-[link:CASE_LINK]->(b)
SET link.score = l.score, link.distance = l.distance, link.computedAt = $computedAt
