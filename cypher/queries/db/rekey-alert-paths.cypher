// Stores the re-encoded paths of alerts.
UNWIND $rows AS row MATCH (a:Alert {id: row.id}) SET a.pathNodes = row.path
