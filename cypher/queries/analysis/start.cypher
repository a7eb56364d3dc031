// Where analyses start: nodes by their type and natural keys (__MATCH__ from EntityType only, on
// the variable key), each with its degree counted as the expand query counts it (over the whole
// graph: for a partner, Explorer counts again over its scope).
UNWIND $keys AS key
MATCH __MATCH__
WITH n, COUNT { (n)-[__TYPES__]-() } AS relationships
RETURN elementId(n) AS id,
       CASE WHEN relationships > $hub THEN relationships
            ELSE COUNT { MATCH (n)-[s__TYPES__]-(x)
                         WHERE type(s) <> 'POSSIBLE_SAME_AS' OR s.status = 'CONFIRMED'
                         RETURN DISTINCT x } END AS degree
