-- A version of each article (a hash of its stored form, set when it is written) and what the last link run
-- linked of it (that version, its site, the moment its site's furniture sample is ordered by, its day), so
-- a link run finds the new, changed and removed articles with one narrow query, without reading any text;
-- and the source each lineage cue names, so a new article of a site re-resolves only the cues naming it.
ALTER TABLE {schema}.articles ADD COLUMN IF NOT EXISTS version TEXT;
CREATE TABLE IF NOT EXISTS {schema}.link_inputs (article_id TEXT PRIMARY KEY, version TEXT NOT NULL, site TEXT,
    moment TEXT, day TEXT);
CREATE INDEX IF NOT EXISTS link_inputs_site ON {schema}.link_inputs (site, moment, article_id);
CREATE TABLE IF NOT EXISTS {schema}.link_cues (key TEXT NOT NULL, article_id TEXT NOT NULL,
    PRIMARY KEY (key, article_id));
CREATE INDEX IF NOT EXISTS link_cues_article ON {schema}.link_cues (article_id)
