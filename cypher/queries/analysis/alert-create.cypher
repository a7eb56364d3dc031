// Alerts raised by one watch: one per record, whatever the number of checks (the key is the
// watch and the record, unique); returns how many are new.
MATCH (w:Watch {id: $watch})
UNWIND $alerts AS a
WITH w, a WHERE NOT EXISTS { MATCH (:Alert {key: a.key}) }
CREATE (al:Alert {key: a.key, id: a.id, createdAt: datetime(), status: 'OPEN', source: a.source,
                  recordId: a.recordId, observedAt: a.observedAt, ingestedAt: a.ingestedAt,
                  pathNodes: a.pathNodes})-[:RAISED_BY]->(w)
RETURN count(al) AS raised
