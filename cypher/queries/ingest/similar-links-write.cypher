// Writes near-duplicate links (__REL__) between __OWNER__ nodes: one per pair, stored from the
// lower key (a link the other way is replaced), its value ($property) updated when new data changed it.
UNWIND $rows AS p
MATCH (a:__OWNER__ {__OWNER_KEY__: p.a}), (b:__OWNER__ {__OWNER_KEY__: p.b})
OPTIONAL MATCH (b)-[old:__REL__]->(a)
DELETE old
MERGE (a)-[r:__REL__]->(b)
  ON CREATE SET r.ingestedAt = datetime()
SET r.source = $source, r.recordId = $recordId, r[$property] = p.v
