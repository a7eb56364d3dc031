// The shortest paths between two nodes over the allowed relationship types (__TYPES__ from the
// LinkType allow-list, __MAX__ a validated integer), following only confirmed identities; each
// path as its node ids, in order (parallel relationships make one path: the steps query gives
// each step all its evidence). Every node crossed is in the viewer's scope: $allowed (null: any)
// and not $hidden, element ids. $hidden holds only the hidden nodes that earlier tries of the same
// search found on their paths (AnalysisController.pathsNow): a viewer's whole hidden list can be
// megabytes, and Neo4j does not plan a subquery (Scope.hides) inside a shortest-path pattern.
MATCH (a) WHERE elementId(a) = $from
MATCH (b) WHERE elementId(b) = $to
MATCH p = ALL SHORTEST (a)
  ((x)-[r__TYPES__ WHERE type(r) <> 'POSSIBLE_SAME_AS' OR r.status = 'CONFIRMED']-
   (y WHERE ($allowed IS NULL OR elementId(y) IN $allowed) AND NOT elementId(y) IN $hidden)){1,__MAX__}
  (b)
WITH DISTINCT [n IN nodes(p) | elementId(n)] AS nodes
RETURN nodes
LIMIT $limit
