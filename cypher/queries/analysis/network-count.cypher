// How many networks have at least $minCases cases: networksConnection's totalCount.
MATCH (n:Network)
WHERE n.caseCount >= $minCases
RETURN count(n) AS total
