// One full-text index's hits ($index, Lucene query $query, at most $scan read), best first, as
// element ids with their score and, for a child, its uid: a partner's search checks them against
// the scope the service holds (SearchController) instead of sending that scope with the statement
// (tens of thousands of keys for a busy agency), then loads the hits it keeps (search/nodes).
CALL db.index.fulltext.queryNodes($index, $query, {limit: $scan}) YIELD node, score
RETURN elementId(node) AS id, node.uid AS uid, score
ORDER BY score DESC
