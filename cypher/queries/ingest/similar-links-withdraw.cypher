// Withdraws the near-duplicate links (__REL__) between __OWNER__ nodes that the data no longer gives.
UNWIND $rows AS p
MATCH (:__OWNER__ {__OWNER_KEY__: p.a})-[r:__REL__]-(:__OWNER__ {__OWNER_KEY__: p.b})
DELETE r
