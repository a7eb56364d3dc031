// What the database holds beyond what every first start writes (the schema's bookkeeping, the ids
// key, the audit trail): the bulk path replaces the whole store, so it refuses anything else.
CALL () {
  MATCH (n) WHERE NOT (n:__Migration OR n:__IdKey OR n:AuditHead OR n:AuditEvent)
  RETURN labels(n)[0] AS label, count(*) AS n
  UNION ALL
  MATCH ()-[r]->()
  RETURN 'relationships' AS label, count(r) AS n
}
WITH label, n WHERE n > 0
RETURN label, n ORDER BY n DESC, label
