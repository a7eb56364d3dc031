// Identity resolution for __LABEL__ nodes: the same external id, else the same normalised name
// and date of birth (unless both sides carry different external ids). Returns, per row, the uid
// found by external id (with its name and date of birth) and the one found by name (with its
// external id): the caller weighs them against the rows of its batch.
UNWIND range(0, size($rows) - 1) AS i
WITH i, $rows[i] AS row
CALL (row) {
  OPTIONAL MATCH (x:__LABEL__ {__EXTERNAL_ID__: row.externalId})
  RETURN x.uid AS byId, x.nameKey AS idNameKey, x.dob AS idDob LIMIT 1
}
CALL (row) {
  OPTIONAL MATCH (x:__LABEL__ {nameKey: row.nameKey, dob: row.dob})
  WHERE row.externalId IS NULL OR x.__EXTERNAL_ID__ IS NULL
  RETURN x.uid AS byName, x.__EXTERNAL_ID__ AS nameExternalId ORDER BY x.uid LIMIT 1
}
RETURN i, byId, idNameKey, idDob, byName, nameExternalId
