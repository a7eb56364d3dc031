// Users (for assignments) are found by name; sharing and assignments are relationships
// (Case)-[:SHARED_WITH]->(Agency) and (User)-[:ASSIGNED_TO]->(Case).
CREATE CONSTRAINT user_name IF NOT EXISTS FOR (u:User) REQUIRE u.name IS UNIQUE;
