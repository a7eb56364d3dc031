// Nodes in the order of what they are (label, then natural key), not of where the store put them:
// a walk that reaches more nodes than it may keep keeps the first of them in this order, so which
// ones it keeps, and so the links it finds, depend on the data alone (not on how the store was
// written: an online import, a bulk load, a restore).
UNWIND $ids AS id
MATCH (b) WHERE elementId(b) = id
RETURN id
ORDER BY labels(b)[0], coalesce(b.caseNumber, b.uid, b.e164, b.address, b.key, b.adId, b.hash, b.code, b.id, id)
