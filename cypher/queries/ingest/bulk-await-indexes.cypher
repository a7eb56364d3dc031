// The bulk path, on its new store: the migrations made the indexes and they fill in the background;
// the derivation that follows reads through them, so it waits for them (at most an hour).
CALL db.awaitIndexes(3600)
