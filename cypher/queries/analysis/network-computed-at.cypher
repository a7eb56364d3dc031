// When the networks were last detected (at: null when there are none), for a list that shows none.
MATCH (n:Network)
RETURN {at: max(n.computedAt)} AS summary
