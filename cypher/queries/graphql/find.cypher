// One node by its type and natural key (__MATCH__ from EntityType only, on $key).
MATCH __MATCH__ RETURN n
