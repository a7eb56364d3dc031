// Marks imports as finished: this one and those it completed (see import-started.cypher).
UNWIND $ids AS id
MATCH (u:UnfinishedImport {id: id})
DELETE u
