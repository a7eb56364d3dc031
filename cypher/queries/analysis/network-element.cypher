// A network's element id, where its timeline starts.
MATCH (n:Network {id: $id})
RETURN elementId(n) AS id
