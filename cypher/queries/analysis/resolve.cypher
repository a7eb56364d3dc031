// The nodes behind natural keys of one type (__MATCH__ from EntityType only, on the variable
// key): which key is which element id.
UNWIND $keys AS key
MATCH __MATCH__
RETURN key, elementId(n) AS id
