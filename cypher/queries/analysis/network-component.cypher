// One connected component of the evidence graph ($members: element ids, hubs already left out),
// for its Leiden split: the relationships between its members, one undirected relationship per
// linked pair, in the order of their natural keys: Leiden's result depends on the order the nodes
// are projected in, and that order must come from the data, not from where the store put them.
// __USE__ (from code) projects it into Graph Data Science as $name.
UNWIND $members AS id
MATCH (a) WHERE elementId(a) = id
MATCH (a)-[r__TYPES__]->(b)
WHERE elementId(b) IN $members AND (type(r) <> 'POSSIBLE_SAME_AS' OR r.status = 'CONFIRMED')
WITH a, b,
     labels(a)[0] + ':' + coalesce(a.caseNumber, a.uid, a.e164, a.address, a.key, a.adId, a.hash) AS ka,
     labels(b)[0] + ':' + coalesce(b.caseNumber, b.uid, b.e164, b.address, b.key, b.adId, b.hash) AS kb
// Which end comes first is decided by the natural keys too (by element ids, another store of the
// same records gave Leiden the same pairs in another order, and other networks).
WITH CASE WHEN ka < kb THEN a ELSE b END AS x, CASE WHEN ka < kb THEN b ELSE a END AS y,
     CASE WHEN ka < kb THEN ka ELSE kb END AS kx, CASE WHEN ka < kb THEN kb ELSE ka END AS ky
WITH DISTINCT x AS a, y AS b, kx, ky
ORDER BY kx, ky
__USE__
