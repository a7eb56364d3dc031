// The uid of each person a link record names by person id; an id no person carries returns no row.
UNWIND $ids AS id
MATCH (p:Person {personId: id})
RETURN id, p.uid AS uid
