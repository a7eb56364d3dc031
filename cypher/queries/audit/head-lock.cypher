// Takes the audit head's write lock (writing a property takes Neo4j's exclusive lock on the node,
// held to the end of the transaction): appends and purges are put in one line by it.
MATCH (h:AuditHead {id: 'audit'})
SET h.lockedAt = datetime()
RETURN h.id
