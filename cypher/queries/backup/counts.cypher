// What a backup records and a restore must find again: every node and relationship, and the audit
// trail's length and head (whose hash seals the whole chain).
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL () { MATCH (e:AuditEvent) RETURN count(e) AS events }
OPTIONAL MATCH (h:AuditHead {id: 'audit'})
RETURN nodes, relationships, events, coalesce(h.seq, 0) AS seq, coalesce(h.hash, '') AS hash
