// An analyst stops a watch: it stays, inactive, with when it stopped; returns it when it was active.
MATCH (w:Watch {id: $id, active: true})
SET w.active = false, w.stoppedAt = datetime()
RETURN w.id AS id
