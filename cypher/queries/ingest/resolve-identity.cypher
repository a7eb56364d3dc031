// Identity resolution for __LABEL__ nodes: the node that carries the row's external id; else,
// for a record an earlier release merged by name and date of birth, the node with that old
// name-based uid when it is already tied to the row's case (the same record written again).
// Returns, per row, what was found.
UNWIND range(0, size($rows) - 1) AS i
WITH i, $rows[i] AS row
CALL (row) {
  OPTIONAL MATCH (x:__LABEL__ {__EXTERNAL_ID__: row.externalId})
  RETURN x.uid AS byId ORDER BY x.uid LIMIT 1
}
CALL (row) {
  OPTIONAL MATCH (x:__LABEL__ {uid: row.legacyUid})
  WHERE EXISTS { (x)--(:Case {caseNumber: row.caseNumber}) }
  RETURN x.uid AS byLegacy LIMIT 1
}
RETURN i, byId, byLegacy
