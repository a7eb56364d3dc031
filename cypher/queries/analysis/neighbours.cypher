// The neighbours of each node over the relationship types (__TYPES__, from the LinkType allow-list
// only), one row per relationship, and whether an analysis follows it (an identity only when it is
// confirmed): what Explorer needs to count a node's degree over a partner's scope. The scope is a
// set the service holds (Access), tens of thousands of nodes for a busy agency: counting here in
// Java costs a row per relationship of the nodes shown, where sending the set costs megabytes in
// every statement.
UNWIND $ids AS id
MATCH (b) WHERE elementId(b) = id
MATCH (b)-[s__TYPES__]-(o)
RETURN id, elementId(o) AS other, type(s) <> 'POSSIBLE_SAME_AS' OR s.status = 'CONFIRMED' AS follows
