// The ads of a partner's timeline (analysis/timeline) that its scope keeps, by element id, oldest
// first, each with where it was posted.
UNWIND $ids AS id
MATCH (ad:Ad) WHERE elementId(ad) = id
OPTIONAL MATCH (ad)-[:POSTED_IN]->(l:Location)
RETURN ad, l
ORDER BY ad.postedAt, ad.adId
