// The migration ledger's own constraint, made before any migration runs: one __Migration node per
// version, so that two replicas starting at once cannot both record a migration.
CREATE CONSTRAINT migration_version IF NOT EXISTS FOR (m:__Migration) REQUIRE m.version IS UNIQUE
