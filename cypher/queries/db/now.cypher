// The database's clock: what datetime() in a statement starting now would give.
RETURN datetime() AS now
