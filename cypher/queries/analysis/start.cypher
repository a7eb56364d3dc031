// Where analyses start: nodes by their type and natural keys (__MATCH__ from EntityType only, on
// the variable key), each with its degree counted as the expand query counts it (for a partner,
// $allowed, over the neighbours in its scope only).
UNWIND $keys AS key
MATCH __MATCH__
WITH n, CASE WHEN $allowed IS NULL THEN COUNT { (n)-[__TYPES__]-() }
            ELSE COUNT { MATCH (n)-[__TYPES__]-(o) WHERE elementId(o) IN $allowed RETURN o } END AS relationships
RETURN elementId(n) AS id,
       CASE WHEN relationships > $hub THEN relationships
            ELSE COUNT { MATCH (n)-[s__TYPES__]-(x)
                         WHERE (type(s) <> 'POSSIBLE_SAME_AS' OR s.status = 'CONFIRMED')
                           AND ($allowed IS NULL OR elementId(x) IN $allowed)
                         RETURN DISTINCT x } END AS degree
