// The case-to-case links found by linkedCases, one per pair (from the lower case number), kept
// for the "cases to look at together" view. Derived, not evidence: analysis never follows CASE_LINK.
UNWIND $links AS l
MATCH (a:Case {caseNumber: l.a}), (b:Case {caseNumber: l.b})
CREATE (a)-[:CASE_LINK {score: l.score, distance: l.distance, computedAt: $computedAt}]->(b)
