// The near-duplicate links (__REL__) between __OWNER__ nodes: their keys and the link's $property.
MATCH (x:__OWNER__)-[r:__REL__]->(y:__OWNER__)
RETURN x.__OWNER_KEY__ AS a, y.__OWNER_KEY__ AS b, r[$property] AS v
