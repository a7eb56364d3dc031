// The children a user has need-to-know of: the subjects of the cases assigned to them.
MATCH (:User {name: $user})-[:ASSIGNED_TO]->(:Case)<-[:SUBJECT_OF]-(ch:Child)
RETURN DISTINCT ch.uid AS uid
