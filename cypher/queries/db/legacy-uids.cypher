// The __LABEL__ nodes not re-keyed yet, with what an earlier release derived their uid from: the
// external id (__EXTERNAL_ID__), name key and date of birth, names, and the numbers of their cases.
MATCH (n:__LABEL__) WHERE n.legacyUid IS NULL
RETURN n.uid AS uid, n.__EXTERNAL_ID__ AS externalId, n.nameKey AS nameKey, n.dob AS dob,
       n.firstName AS firstName, n.lastName AS lastName,
       [(n)-[:SUBJECT_OF|SUSPECT_IN|ASSOCIATE_IN]->(k:Case) | k.caseNumber] AS cases
