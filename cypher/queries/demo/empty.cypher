// Whether the graph holds no case and no ad: only then is the demo set loaded.
RETURN NOT EXISTS { (:Case) } AND NOT EXISTS { (:Ad) } AS empty
