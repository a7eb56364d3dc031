// Whether the database has Graph Data Science: without it, gds.version is an unknown function.
RETURN gds.version() AS v
