// One connected component of the evidence graph ($members: element ids, hubs already left out),
// for its Leiden split: the relationships between its members, one undirected relationship per
// linked pair. __USE__ (from code) projects it into Graph Data Science as $name.
UNWIND $members AS id
MATCH (a) WHERE elementId(a) = id
MATCH (a)-[r__TYPES__]->(b)
WHERE elementId(b) IN $members AND (type(r) <> 'POSSIBLE_SAME_AS' OR r.status = 'CONFIRMED')
WITH CASE WHEN elementId(a) < elementId(b) THEN a ELSE b END AS x,
     CASE WHEN elementId(a) < elementId(b) THEN b ELSE a END AS y
WITH DISTINCT x AS a, y AS b
__USE__
