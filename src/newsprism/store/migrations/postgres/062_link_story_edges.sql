-- Candidate pairs of articles whose story similarity reaches the threshold (the pairs that can propose a
-- merge), and each article's day, so a link run finds the stories a new article reaches without scoring
-- the pairs that did not change.
CREATE TABLE IF NOT EXISTS {schema}.link_story_edges (a TEXT NOT NULL, b TEXT NOT NULL, score REAL,
    PRIMARY KEY (a, b));
CREATE INDEX IF NOT EXISTS link_story_edges_b ON {schema}.link_story_edges (b);
ALTER TABLE {schema}.link_articles ADD COLUMN IF NOT EXISTS day TEXT
