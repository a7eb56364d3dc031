// A node's element id, where its timeline starts (__MATCH__ from EntityType only).
MATCH __MATCH__
RETURN elementId(n) AS id
