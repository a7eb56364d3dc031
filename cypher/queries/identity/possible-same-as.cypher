// The identity proposals about each person ($uids), in either direction, best first.
UNWIND $uids AS uid
MATCH (p:Person {uid: uid})-[r:POSSIBLE_SAME_AS]-(:Person)
MATCH (a:Person)-[r]->(b:Person)
WITH uid, a, b, r ORDER BY r.score DESC
RETURN a AS a, b AS b, r.score AS score, r.rule AS rule, r.status AS status, r.proposedAt AS proposedAt,
       r.decidedBy AS decidedBy, r.decidedAt AS decidedAt, r.reason AS reason, coalesce(r.history, []) AS history, uid
