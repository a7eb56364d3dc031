// The audit head: the last seq and hash, and the retention anchor the oldest kept event chains to.
MATCH (h:AuditHead {id: 'audit'})
RETURN h.seq AS seq, h.hash AS hash, h.anchorSeq AS anchorSeq, h.anchorHash AS anchorHash
