// Blocking keys for fuzzy identity proposals.
CREATE INDEX person_block1 IF NOT EXISTS FOR (p:Person) ON (p.block1);
CREATE INDEX person_block2 IF NOT EXISTS FOR (p:Person) ON (p.block2);
// Locality-sensitive hashing bands for near-duplicate ads: each band is a property with its own
// index, so finding the ads (or images) that share a band is one index seek per band.
CREATE INDEX image_band_0 IF NOT EXISTS FOR (i:Image) ON (i.ib0);
CREATE INDEX image_band_1 IF NOT EXISTS FOR (i:Image) ON (i.ib1);
CREATE INDEX image_band_2 IF NOT EXISTS FOR (i:Image) ON (i.ib2);
CREATE INDEX image_band_3 IF NOT EXISTS FOR (i:Image) ON (i.ib3);
CREATE INDEX image_band_4 IF NOT EXISTS FOR (i:Image) ON (i.ib4);
CREATE INDEX image_band_5 IF NOT EXISTS FOR (i:Image) ON (i.ib5);
CREATE INDEX image_band_6 IF NOT EXISTS FOR (i:Image) ON (i.ib6);
CREATE INDEX image_band_7 IF NOT EXISTS FOR (i:Image) ON (i.ib7);
CREATE INDEX ad_text_band_0 IF NOT EXISTS FOR (a:Ad) ON (a.tb0);
CREATE INDEX ad_text_band_1 IF NOT EXISTS FOR (a:Ad) ON (a.tb1);
CREATE INDEX ad_text_band_2 IF NOT EXISTS FOR (a:Ad) ON (a.tb2);
CREATE INDEX ad_text_band_3 IF NOT EXISTS FOR (a:Ad) ON (a.tb3);
CREATE INDEX ad_text_band_4 IF NOT EXISTS FOR (a:Ad) ON (a.tb4);
CREATE INDEX ad_text_band_5 IF NOT EXISTS FOR (a:Ad) ON (a.tb5);
CREATE INDEX ad_text_band_6 IF NOT EXISTS FOR (a:Ad) ON (a.tb6);
CREATE INDEX ad_text_band_7 IF NOT EXISTS FOR (a:Ad) ON (a.tb7);
CREATE INDEX ad_text_band_8 IF NOT EXISTS FOR (a:Ad) ON (a.tb8);
CREATE INDEX ad_text_band_9 IF NOT EXISTS FOR (a:Ad) ON (a.tb9);
CREATE INDEX ad_text_band_10 IF NOT EXISTS FOR (a:Ad) ON (a.tb10);
CREATE INDEX ad_text_band_11 IF NOT EXISTS FOR (a:Ad) ON (a.tb11);
CREATE INDEX ad_text_band_12 IF NOT EXISTS FOR (a:Ad) ON (a.tb12);
CREATE INDEX ad_text_band_13 IF NOT EXISTS FOR (a:Ad) ON (a.tb13);
CREATE INDEX ad_text_band_14 IF NOT EXISTS FOR (a:Ad) ON (a.tb14);
CREATE INDEX ad_text_band_15 IF NOT EXISTS FOR (a:Ad) ON (a.tb15);
// Child names are searched with their other spellings too.
DROP INDEX child_names IF EXISTS;
CREATE FULLTEXT INDEX child_names_all IF NOT EXISTS FOR (c:Child) ON EACH [c.firstName, c.lastName, c.aliasText];
