// Withdraws the identity proposals between __LABEL__ nodes that the data no longer gives; a decided
// link is an analyst's and stays.
UNWIND $rows AS g
MATCH (:__LABEL__ {uid: g.a})-[x:POSSIBLE_SAME_AS {status: 'PROPOSED'}]-(:__LABEL__ {uid: g.b})
DELETE x
