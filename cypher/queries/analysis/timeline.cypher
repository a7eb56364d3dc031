// Ads connected to a node, oldest first, each with where it was posted: a phone, email or handle
// (ads listing it), an image (ads showing it), a person or child (ads listing what they use), a
// case (ads listing what the case or its people use), a network (its ads), an ad (itself).
// One more than $limit, to tell truncation.
// Every hop is checked, not only the ads at the end: $allowed (element ids; null: all) keeps a
// partner's timeline to nodes in its scope, $records (null: all) to uses its own records assert,
// and the hidden test (Scope.hides, on $knownChildren) keeps out identifiers that identify a child
// the viewer may not know.
// Without that, a person's timeline would show the ads of a phone that only another agency's
// record says the person uses.
MATCH (x) WHERE elementId(x) = $id
CALL (x) {
  MATCH (x)<-[:LISTS|SHOWS]-(ad:Ad) RETURN ad
  UNION
  MATCH (x:Person|Child)-[u:USES]->(i)<-[:LISTS]-(ad:Ad)
  WHERE ($records IS NULL OR u.recordId IN $records)
    AND ($allowed IS NULL OR elementId(i) IN $allowed)
    AND NOT __HIDDEN_I__
  RETURN ad
  UNION
  MATCH (x:Case)-[:MENTIONS]->(i)<-[:LISTS]-(ad:Ad)
  WHERE ($allowed IS NULL OR elementId(i) IN $allowed) AND NOT __HIDDEN_I__
  RETURN ad
  UNION
  MATCH (x:Case)<-[:SUBJECT_OF|SUSPECT_IN|ASSOCIATE_IN]-(p)-[u:USES]->(i)<-[:LISTS]-(ad:Ad)
  WHERE ($records IS NULL OR u.recordId IN $records)
    AND ($allowed IS NULL OR (elementId(p) IN $allowed AND elementId(i) IN $allowed))
    AND NOT __HIDDEN_I__
  RETURN ad
  UNION
  MATCH (x:Network)<-[:MEMBER_OF]-(ad:Ad) RETURN ad
  UNION
  MATCH (ad:Ad) WHERE ad = x RETURN ad
}
WITH DISTINCT ad
WHERE $allowed IS NULL OR elementId(ad) IN $allowed
ORDER BY ad.postedAt, ad.adId
LIMIT $limit
OPTIONAL MATCH (ad)-[:POSTED_IN]->(l:Location)
RETURN ad, l
ORDER BY ad.postedAt, ad.adId
