// One full-text index's hits ($index, Lucene query $query, at most $scan read) that the viewer may
// see, best first, at most $limit: a node's key (its type's key property, named by $keyProperty)
// in $allowed (null: everything), not hidden (Scope.hides, on $knownChildren),
// and a child only when in $known (null: all).
CALL db.index.fulltext.queryNodes($index, $query, {limit: $scan}) YIELD node, score
WITH node, score WHERE ($allowed IS NULL OR node[$keyProperty] IN $allowed) AND NOT __HIDDEN_NODE__
  AND ($known IS NULL OR node.uid IN $known)
RETURN node, score ORDER BY score DESC LIMIT $limit
