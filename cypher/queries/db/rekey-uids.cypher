// Gives __LABEL__ nodes their keyed uid (row.uid), keeping the earlier one (row.old) as legacyUid;
// a node already re-keyed is left alone, so an interrupted re-keying resumes.
UNWIND $rows AS row
MATCH (n:__LABEL__ {uid: row.old}) WHERE n.legacyUid IS NULL
SET n.legacyUid = row.old, n.uid = row.uid
