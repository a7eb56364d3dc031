// The audit trail (org.caselink.audit): events numbered 1, 2, 3 ... and chained by hash; one head
// node holds the last number and hash, and every append locks it, so appends from all replicas
// form one line.
CREATE CONSTRAINT audit_event_seq IF NOT EXISTS FOR (e:AuditEvent) REQUIRE e.seq IS UNIQUE;
CREATE INDEX audit_event_at IF NOT EXISTS FOR (e:AuditEvent) ON (e.at);
CREATE INDEX audit_event_user IF NOT EXISTS FOR (e:AuditEvent) ON (e.user);
CREATE CONSTRAINT audit_head_id IF NOT EXISTS FOR (h:AuditHead) REQUIRE h.id IS UNIQUE;
// The anchor is what the oldest kept event chains to: nothing before the first event (64 zeros),
// later the last event a retention purge removed.
MERGE (h:AuditHead {id: 'audit'})
ON CREATE SET h.seq = 0,
              h.hash = '0000000000000000000000000000000000000000000000000000000000000000',
              h.anchorSeq = 0,
              h.anchorHash = '0000000000000000000000000000000000000000000000000000000000000000';
