// A new case node, before the writer fills it in. CREATE, not a check then MERGE: the uniqueness
// constraint on the case number settles concurrent creates (the loser fails).
CREATE (:Case {caseNumber: $n})
