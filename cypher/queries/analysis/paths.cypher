// The shortest paths between two nodes over the allowed relationship types (__TYPES__ from the
// LinkType allow-list, __MAX__ a validated integer), following only confirmed identities; each
// path as its node ids, in order (parallel relationships make one path: the steps query gives
// each step all its evidence). No node crossed is in $hidden, and every one is in $allowed (null:
// any), element ids. $hidden holds only the nodes out of sight (hidden, or out of a partner's
// scope) that earlier tries of the same search found on their paths, and $allowed is a partner's
// whole scope only when a few such tries did not do (AnalysisController.pathsNow): those lists can
// be megabytes, and Neo4j does not plan a subquery (Scope.hides) inside a shortest-path pattern.
MATCH (a) WHERE elementId(a) = $from
MATCH (b) WHERE elementId(b) = $to
MATCH p = ALL SHORTEST (a)
  ((x)-[r__TYPES__ WHERE type(r) <> 'POSSIBLE_SAME_AS' OR r.status = 'CONFIRMED']-
   (y WHERE ($allowed IS NULL OR elementId(y) IN $allowed) AND NOT elementId(y) IN $hidden)){1,__MAX__}
  (b)
WITH DISTINCT [n IN nodes(p) | elementId(n)] AS nodes
RETURN nodes
LIMIT $limit
