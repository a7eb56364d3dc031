// The handles and emails that identify a child the viewer has no need-to-know of: those some
// child uses and no child in $known does. Their global ids spell them (a handle, an address), so
// such an identifier is kept out of sight altogether, not only its text. Phones are not in this
// list: a number is the evidence that links a missing child to an ad, and it is what a watch is
// set on (see docs/security.md, "Roles and what they see").
MATCH (ch:Child)-[:USES]->(x)
WHERE x:Handle OR x:Email
WITH x, collect(ch.uid) AS users
WHERE none(u IN users WHERE u IN $known)
RETURN elementId(x) AS id, CASE WHEN x:Handle THEN 'Handle' ELSE 'Email' END AS label,
       CASE WHEN x:Handle THEN x.key ELSE x.address END AS key
