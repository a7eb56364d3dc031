// Links __OWNER__ nodes to the __CONTACT__ they __REL__ (phones, emails, handles are shared nodes).
UNWIND $rows AS row
MATCH (o:__OWNER__ {__OWNER_KEY__: row.owner})
MERGE (c:__CONTACT__ {__CONTACT_KEY__: row.key})
  ON CREATE SET c += row.props
MERGE (o)-[r:__REL__ {source: row.source, recordId: row.recordId}]->(c)
  ON CREATE SET r.observedAt = row.observedAt, r.ingestedAt = datetime()
