// The nodes of one type (__TYPE__, with __MATCH__ on the variable key, both from EntityType only)
// behind natural keys: which key is which element id. Joined by UNION ALL for every type.
UNWIND $keys.__TYPE__ AS key
MATCH __MATCH__
RETURN '__TYPE__' AS type, key, elementId(n) AS id
