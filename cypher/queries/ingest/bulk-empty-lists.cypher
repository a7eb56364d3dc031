// The offline importer writes no property for an empty list; a statement stores []. Sets it where
// the bulk path left it out, a batch at a time.
MATCH __PATTERN__ WHERE x.`__PROPERTY__` IS NULL
WITH x LIMIT $batch
SET x.`__PROPERTY__` = []
RETURN count(*) AS n
