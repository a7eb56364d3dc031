// What the bulk path writes into the new store as it was: the ids key (every uid depends on it)
// and the audit trail (its chain must go on). The schema's bookkeeping is not carried: the
// migrations run again on the new store and make its constraints and indexes.
MATCH (n) WHERE n:__IdKey OR n:AuditHead OR n:AuditEvent
RETURN labels(n) AS labels, properties(n) AS props
