// The names that the given records ($records) gave each __LABEL__ node (people or children): each
// case record's names are kept on its role relationship.
UNWIND $keys AS key
MATCH (n:__LABEL__ {uid: key})-[r:SUBJECT_OF|SUSPECT_IN|ASSOCIATE_IN]->(:Case)
WHERE r.recordId IN $records
UNWIND coalesce(r.names, []) AS name
RETURN key, collect(DISTINCT name) AS names
