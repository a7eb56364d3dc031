// A case manager's dated notes on a case (cases/CaseNotes): (CaseNote)-[:NOTE_ON]->(Case). Not
// evidence: no analysis follows NOTE_ON, and a note is never a node of the API's Node interface.
CREATE CONSTRAINT case_note_id IF NOT EXISTS FOR (n:CaseNote) REQUIRE n.noteId IS UNIQUE;
