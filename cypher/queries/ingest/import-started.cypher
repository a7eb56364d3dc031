// Marks an import as started; returns the ids of every import not yet finished, this one included.
CREATE (:UnfinishedImport {id: $id, startedAt: datetime()})
WITH 1 AS one
MATCH (u:UnfinishedImport)
RETURN u.id AS id
