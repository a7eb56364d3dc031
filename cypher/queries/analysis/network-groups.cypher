// Candidate networks (groups of element ids) holding at least two cases, as element ids, case
// numbers and the number of children: the caller keeps as networks those with enough cases of
// enough different children (one repeat runaway's cases alone are not a network).
UNWIND $groups AS ids
CALL (ids) {
  UNWIND ids AS id
  MATCH (m) WHERE elementId(m) = id
  RETURN collect(m) AS members
}
WITH members, [m IN members WHERE m:Case | m.caseNumber] AS cases
WHERE size(cases) >= 2
RETURN [m IN members | elementId(m)] AS members, cases, size([m IN members WHERE m:Child]) AS children
