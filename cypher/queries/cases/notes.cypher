// The notes on case $n, newest first, at most $first.
MATCH (:Case {caseNumber: $n})<-[:NOTE_ON]-(note:CaseNote)
RETURN note
ORDER BY note.createdAt DESC, note.noteId
LIMIT $first
