// When the case links were last computed (at: null when there are none).
MATCH (:Case)-[l:CASE_LINK]->(:Case)
RETURN {at: max(l.computedAt)} AS last
