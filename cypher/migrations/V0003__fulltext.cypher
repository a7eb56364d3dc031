// Full-text indexes behind search(): names and aliases, case summaries, ad titles and bodies.
CREATE FULLTEXT INDEX person_names IF NOT EXISTS FOR (p:Person) ON EACH [p.firstName, p.lastName, p.aliasText];
CREATE FULLTEXT INDEX child_names IF NOT EXISTS FOR (c:Child) ON EACH [c.firstName, c.lastName];
CREATE FULLTEXT INDEX case_text IF NOT EXISTS FOR (c:Case) ON EACH [c.caseNumber, c.summary];
CREATE FULLTEXT INDEX ad_text IF NOT EXISTS FOR (a:Ad) ON EACH [a.title, a.body];
