// The nodes of the search hits a partner's scope kept (search/fulltext-ids), by element id.
UNWIND $ids AS id
MATCH (node) WHERE elementId(node) = id
RETURN node
