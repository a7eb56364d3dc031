// Appends one audit event and moves the head to it; the caller holds the head's lock.
MATCH (h:AuditHead {id: 'audit'})
CREATE (e:AuditEvent {
  seq: $seq, at: $at, component: $component, type: $type, user: $user, agency: $agency,
  outcome: $outcome, details: $details, prevHash: $prevHash, hash: $hash
})
SET h.seq = $seq, h.hash = $hash
