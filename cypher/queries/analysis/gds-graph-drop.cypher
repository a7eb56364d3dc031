// Drops a Graph Data Science projection by name (none of that name is no error).
CALL gds.graph.drop($name, false) YIELD graphName
RETURN graphName
