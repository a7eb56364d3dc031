// Ads connected to a node, oldest first, each with where it was posted: a phone, email or handle
// (ads listing it), an image (ads showing it), a person or child (ads listing what they use), a
// case (ads listing what the case or its people use), a network (its ads), an ad (itself).
// One more than $limit, to tell truncation. $allowed (element ids; null: all) keeps a partner's
// timeline to the ads in its scope.
MATCH (x) WHERE elementId(x) = $id
CALL (x) {
  MATCH (x)<-[:LISTS|SHOWS]-(ad:Ad) RETURN ad
  UNION
  MATCH (x:Person|Child)-[:USES]->()<-[:LISTS]-(ad:Ad) RETURN ad
  UNION
  MATCH (x:Case)-[:MENTIONS]->()<-[:LISTS]-(ad:Ad) RETURN ad
  UNION
  MATCH (x:Case)<-[:SUBJECT_OF|SUSPECT_IN|ASSOCIATE_IN]-()-[:USES]->()<-[:LISTS]-(ad:Ad) RETURN ad
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
