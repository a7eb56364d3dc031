// Every network of the last detection and its memberships, deleted: a run replaces them all.
MATCH (n:Network)
DETACH DELETE n
