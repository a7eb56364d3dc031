// An analyst has seen an alert: it stays, marked acknowledged, with when and a note.
MATCH (al:Alert {id: $id})
SET al.status = 'ACKNOWLEDGED', al.acknowledgedAt = datetime(), al.acknowledgeNote = $note
RETURN al.id AS id
