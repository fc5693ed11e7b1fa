-- Blocking keys of each article for same-story candidates (names, places, rare title words) and a hash of
-- the features story linking compares, so a link run re-clusters only the stories new or changed articles
-- can reach.
CREATE TABLE IF NOT EXISTS link_story_keys (key TEXT NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (key, article_id));
CREATE INDEX IF NOT EXISTS link_story_keys_article ON link_story_keys(article_id);
CREATE TABLE IF NOT EXISTS link_articles (article_id TEXT PRIMARY KEY, features TEXT NOT NULL)
