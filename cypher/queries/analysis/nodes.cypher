// The nodes an analysis reached, as values the API can show (and their link degree).
UNWIND $ids AS id
MATCH (n) WHERE elementId(n) = id
RETURN id, labels(n)[0] AS label, n
