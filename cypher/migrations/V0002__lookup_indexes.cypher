// Range indexes behind the list filters, the stable orderings and identity resolution.
CREATE INDEX case_reported_at IF NOT EXISTS FOR (c:Case) ON (c.reportedAt);
CREATE INDEX case_status IF NOT EXISTS FOR (c:Case) ON (c.status);
CREATE INDEX case_type IF NOT EXISTS FOR (c:Case) ON (c.type);
CREATE INDEX case_state IF NOT EXISTS FOR (c:Case) ON (c.state);
CREATE INDEX ad_posted_at IF NOT EXISTS FOR (a:Ad) ON (a.postedAt);
CREATE INDEX ad_site IF NOT EXISTS FOR (a:Ad) ON (a.site);
CREATE INDEX ad_city_state IF NOT EXISTS FOR (a:Ad) ON (a.state, a.city);
CREATE INDEX child_name_dob IF NOT EXISTS FOR (c:Child) ON (c.nameKey, c.dob);
CREATE INDEX person_name_dob IF NOT EXISTS FOR (p:Person) ON (p.nameKey, p.dob);
