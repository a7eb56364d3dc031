// The evidence graph network detection runs on: people, children, cases, ads and what they share
// (not places, not agencies), one undirected relationship per linked pair whatever the number of
// records behind it. __USE__ (from a fixed pair in code) projects it into Graph Data Science as
// $name, or returns the pairs for JGraphT when the database has no GDS. A node with more than
// $hub evidence relationships (a phone in thousands of ads) is left out: a hub must not glue
// unrelated networks together. Identity proposals count only once an analyst confirmed them.
MATCH (a)-[r__TYPES__]->(b)
WHERE (a:Case OR a:Child OR a:Person OR a:Phone OR a:Email OR a:Handle OR a:Ad OR a:Image)
  AND (b:Case OR b:Child OR b:Person OR b:Phone OR b:Email OR b:Handle OR b:Ad OR b:Image)
  AND (type(r) <> 'POSSIBLE_SAME_AS' OR r.status = 'CONFIRMED')
WITH CASE WHEN elementId(a) < elementId(b) THEN a ELSE b END AS x,
     CASE WHEN elementId(a) < elementId(b) THEN b ELSE a END AS y
WITH DISTINCT x AS a, y AS b
WHERE COUNT { (a)-[__TYPES__]-() } <= $hub AND COUNT { (b)-[__TYPES__]-() } <= $hub
  // A number that more than seven case records mention (a hotline, a shelter's or a group home's
  // line: below one half by linked cases' specificity, 3 / (cases - 1)) glues no network either.
  AND COUNT { (a)<-[:MENTIONS]-(:Case) } <= 7 AND COUNT { (b)<-[:MENTIONS]-(:Case) } <= 7
__USE__
