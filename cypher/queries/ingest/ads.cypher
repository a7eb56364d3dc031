// Upserts ads and the images they show (images are shared nodes, known by perceptual hash).
UNWIND $rows AS row
MERGE (a:Ad {adId: row.adId})
  ON CREATE SET a.createdAt = datetime()
SET a.site = row.site, a.url = row.url, a.postedAt = row.postedAt, a.city = row.city, a.state = row.state,
    a.title = row.title, a.body = row.body
WITH a, row
UNWIND row.imageHashes AS hash
MERGE (i:Image {hash: hash})
MERGE (a)-[r:SHOWS {source: row.source, recordId: row.recordId}]->(i)
  ON CREATE SET r.observedAt = row.observedAt, r.ingestedAt = datetime()
