// One connected component of the evidence graph ($members: element ids, hubs already left out),
// for its Leiden split: the relationships between its members, one undirected relationship per
// linked pair, in the order of their natural keys: Leiden's result depends on the order the nodes
// are projected in, and that order must come from the data, not from where the store put them.
// __USE__ (from code) projects it into Graph Data Science as $name.
UNWIND $members AS id
MATCH (a) WHERE elementId(a) = id
MATCH (a)-[r__TYPES__]->(b)
WHERE elementId(b) IN $members AND (type(r) <> 'POSSIBLE_SAME_AS' OR r.status = 'CONFIRMED')
WITH CASE WHEN elementId(a) < elementId(b) THEN a ELSE b END AS x,
     CASE WHEN elementId(a) < elementId(b) THEN b ELSE a END AS y
WITH DISTINCT x AS a, y AS b
ORDER BY labels(a)[0] + ':' + coalesce(a.caseNumber, a.uid, a.e164, a.address, a.key, a.adId, a.hash),
         labels(b)[0] + ':' + coalesce(b.caseNumber, b.uid, b.e164, b.address, b.key, b.adId, b.hash)
__USE__
