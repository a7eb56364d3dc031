// Ads connected to a node, oldest first, each with where it was posted: a phone, email or handle
// (ads listing it), an image (ads showing it), a person or child (ads listing what they use), a
// case (ads listing what the case or its people use), a network (its ads), an ad (itself).
// One more than $limit, to tell truncation.
// Every hop is checked, not only the ads at the end: each ad comes with the ways it was reached
// (`ways`: the nodes crossed and the records of the uses followed), and for a partner
// ($narrowed) TimelineController keeps an ad only if one way crosses only nodes in its scope and
// uses only its own records, so that a person's timeline never shows the ads of a phone that only
// another agency's record says the person uses. A partner's scope is a set the service holds
// (tens of thousands of nodes for a busy agency: megabytes as a parameter), so the statement then
// returns every ad without its properties ($limit is every ad), and analysis/timeline-ads loads
// those kept. The hidden test (Scope.hides, on $knownChildren) keeps out identifiers that identify
// a child the viewer may not know.
MATCH (x) WHERE elementId(x) = $id
CALL (x) {
  MATCH (x)<-[:LISTS|SHOWS]-(ad:Ad) RETURN ad, [] AS via, [] AS records
  UNION
  MATCH (x:Person|Child)-[u:USES]->(i)<-[:LISTS]-(ad:Ad)
  WHERE NOT __HIDDEN_I__
  RETURN ad, [elementId(i)] AS via, [u.recordId] AS records
  UNION
  MATCH (x:Case)-[:MENTIONS]->(i)<-[:LISTS]-(ad:Ad)
  WHERE NOT __HIDDEN_I__
  RETURN ad, [elementId(i)] AS via, [] AS records
  UNION
  MATCH (x:Case)<-[:SUBJECT_OF|SUSPECT_IN|ASSOCIATE_IN]-(p)-[u:USES]->(i)<-[:LISTS]-(ad:Ad)
  WHERE NOT __HIDDEN_I__
  RETURN ad, [elementId(p), elementId(i)] AS via, [u.recordId] AS records
  UNION
  MATCH (x:Network)<-[:MEMBER_OF]-(ad:Ad) RETURN ad, [] AS via, [] AS records
  UNION
  MATCH (ad:Ad) WHERE ad = x RETURN ad, [] AS via, [] AS records
}
WITH ad, collect({via: via, records: records}) AS ways
ORDER BY ad.postedAt, ad.adId
LIMIT $limit
OPTIONAL MATCH (ad)-[:POSTED_IN]->(l:Location) WHERE NOT $narrowed
RETURN CASE WHEN $narrowed THEN null ELSE ad END AS ad, l, elementId(ad) AS id, ad.postedAt AS postedAt,
       ad.adId AS adId, ways
ORDER BY postedAt, adId
