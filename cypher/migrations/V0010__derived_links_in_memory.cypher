// Near-duplicates and identity proposals are derived from the whole graph in memory after each
// import (ingest/AdLinker, ingest/IdentityProposer): the blocking keys and similarity bands that
// were written on every person, ad and image, and their indexes, are no longer read. The indexes
// go (every write paid for them); the stale properties on earlier data are harmless and stay.
DROP INDEX person_block1 IF EXISTS;
DROP INDEX person_block2 IF EXISTS;
DROP INDEX image_band_0 IF EXISTS;
DROP INDEX image_band_1 IF EXISTS;
DROP INDEX image_band_2 IF EXISTS;
DROP INDEX image_band_3 IF EXISTS;
DROP INDEX image_band_4 IF EXISTS;
DROP INDEX image_band_5 IF EXISTS;
DROP INDEX image_band_6 IF EXISTS;
DROP INDEX image_band_7 IF EXISTS;
DROP INDEX ad_text_band_0 IF EXISTS;
DROP INDEX ad_text_band_1 IF EXISTS;
DROP INDEX ad_text_band_2 IF EXISTS;
DROP INDEX ad_text_band_3 IF EXISTS;
DROP INDEX ad_text_band_4 IF EXISTS;
DROP INDEX ad_text_band_5 IF EXISTS;
DROP INDEX ad_text_band_6 IF EXISTS;
DROP INDEX ad_text_band_7 IF EXISTS;
DROP INDEX ad_text_band_8 IF EXISTS;
DROP INDEX ad_text_band_9 IF EXISTS;
DROP INDEX ad_text_band_10 IF EXISTS;
DROP INDEX ad_text_band_11 IF EXISTS;
DROP INDEX ad_text_band_12 IF EXISTS;
DROP INDEX ad_text_band_13 IF EXISTS;
DROP INDEX ad_text_band_14 IF EXISTS;
DROP INDEX ad_text_band_15 IF EXISTS;
