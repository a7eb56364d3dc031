// The deployment's ids key (db/IdKeys): one node, its fingerprint, and the key itself when it is
// kept in the graph rather than in configuration. Unique, so that two replicas starting at once
// agree on one key.
CREATE CONSTRAINT ids_key_name IF NOT EXISTS FOR (k:__IdKey) REQUIRE k.name IS UNIQUE;
CREATE INDEX person_legacy_uid IF NOT EXISTS FOR (p:Person) ON (p.legacyUid);
CREATE INDEX child_legacy_uid IF NOT EXISTS FOR (c:Child) ON (c.legacyUid);
