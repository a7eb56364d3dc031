// The network of each case $keys (case numbers) that belongs to one.
UNWIND $keys AS key
MATCH (:Case {caseNumber: key})-[:MEMBER_OF]->(n:Network)
RETURN key, n.id AS id
