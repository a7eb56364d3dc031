// Identity resolution for __LABEL__ nodes: the same external id, else the same normalised name
// and date of birth (unless both sides carry different external ids). Returns the uid found per row.
UNWIND range(0, size($rows) - 1) AS i
WITH i, $rows[i] AS row
CALL (row) {
  OPTIONAL MATCH (x:__LABEL__ {__EXTERNAL_ID__: row.externalId})
  RETURN x.uid AS byId LIMIT 1
}
CALL (row) {
  OPTIONAL MATCH (x:__LABEL__ {nameKey: row.nameKey, dob: row.dob})
  WHERE row.externalId IS NULL OR x.__EXTERNAL_ID__ IS NULL
  RETURN x.uid AS byName ORDER BY x.uid LIMIT 1
}
RETURN i, coalesce(byId, byName) AS uid
