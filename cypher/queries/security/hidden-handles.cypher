// The handles that identify a child the viewer has no need-to-know of: handles some child uses
// and no child in $known does. A handle's global id spells the handle, so such a handle is kept
// out of sight altogether, not only its text.
MATCH (ch:Child)-[:USES]->(h:Handle)
WITH h, collect(ch.uid) AS users
WHERE none(u IN users WHERE u IN $known)
RETURN elementId(h) AS id, h.key AS key
