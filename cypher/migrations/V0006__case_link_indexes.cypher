// Case links (derived by the network refresh): listed strongest first, and the stale ones of a
// refresh found by when they were computed.
CREATE INDEX case_link_score IF NOT EXISTS FOR ()-[l:CASE_LINK]-() ON (l.score);
CREATE INDEX case_link_computed IF NOT EXISTS FOR ()-[l:CASE_LINK]-() ON (l.computedAt);
