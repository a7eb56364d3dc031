// Adds a dated note to case $n, written by $author; returns it (nothing when there is no such case).
MATCH (c:Case {caseNumber: $n})
CREATE (note:CaseNote {noteId: randomUUID(), text: $text, author: $author, createdAt: datetime()})-[:NOTE_ON]->(c)
RETURN note
