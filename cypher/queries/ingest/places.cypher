// Links __OWNER__ nodes to places (__REL__): where a child was last seen, where an ad was posted.
UNWIND $rows AS row
MATCH (o:__OWNER__ {__OWNER_KEY__: row.owner})
MERGE (l:Location {key: row.key})
  ON CREATE SET l.city = row.city, l.state = row.state
MERGE (o)-[r:__REL__ {source: row.source, recordId: row.recordId}]->(l)
  ON CREATE SET r.observedAt = row.observedAt, r.ingestedAt = datetime()
