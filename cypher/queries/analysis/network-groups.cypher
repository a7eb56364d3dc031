// Candidate networks (groups of projected node ids) kept when they hold at least $minCases cases
// of at least $minChildren different children (one repeat runaway's cases alone are not a
// network), as element ids and case numbers.
UNWIND $groups AS ids
WITH gds.util.asNodes(ids) AS members
WITH members, [m IN members WHERE m:Case | m.caseNumber] AS cases
WHERE size(cases) >= $minCases AND size([m IN members WHERE m:Child]) >= $minChildren
RETURN [m IN members | elementId(m)] AS members, cases
