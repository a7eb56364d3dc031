// Communities of the projected evidence graph (Leiden: well-connected communities, seeded so the
// same graph gives the same split); used to split components too large to read as one network.
CALL gds.leiden.stream($name, {randomSeed: 19, concurrency: 1})
YIELD nodeId, communityId
WITH communityId, collect(nodeId) AS ids
WHERE size(ids) >= 3
RETURN communityId, [id IN ids | elementId(gds.util.asNode(id))] AS ids
