// The shortest paths between two nodes over the allowed relationship types (__TYPES__ from the
// LinkType allow-list, __MAX__ a validated integer), following only confirmed identities; each
// path as its node ids, in order (parallel relationships make one path: the steps query gives
// each step all its evidence).
MATCH (a) WHERE elementId(a) = $from
MATCH (b) WHERE elementId(b) = $to
MATCH p = ALL SHORTEST (a)-[r__TYPES__ WHERE type(r) <> 'POSSIBLE_SAME_AS' OR r.status = 'CONFIRMED']-{1,__MAX__}(b)
WITH DISTINCT [n IN nodes(p) | elementId(n)] AS nodes
RETURN nodes
LIMIT $limit
