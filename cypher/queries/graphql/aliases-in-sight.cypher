// The names each case record gave each __LABEL__ node (people or children), by record: each case
// record's names are kept on its role relationship. Relations.aliasesInSight keeps those of the
// records the viewer may see (a partner's scope is a set the service holds, too large to send).
UNWIND $keys AS key
MATCH (n:__LABEL__ {uid: key})-[r:SUBJECT_OF|SUSPECT_IN|ASSOCIATE_IN]->(:Case)
WHERE r.recordId IS NOT NULL AND r.names IS NOT NULL
RETURN key, r.recordId AS recordId, r.names AS names
