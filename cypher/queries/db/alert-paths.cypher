// Every alert's stored path (global ids), for re-encoding those an earlier release made readable.
MATCH (a:Alert) WHERE a.pathNodes IS NOT NULL RETURN a.id AS id, a.pathNodes AS path
