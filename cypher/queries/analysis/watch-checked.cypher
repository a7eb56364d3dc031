// A watch has been checked for everything created up to $mark (the database clock when its check
// started).
MATCH (w:Watch {id: $id})
SET w.checkedUpTo = $mark
