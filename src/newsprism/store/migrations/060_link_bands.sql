-- LSH band keys of each article's MinHash signature (and its content hash), so the near-duplicate
-- candidates of a new or changed article are an index lookup and a link run touches only what changed.
CREATE TABLE IF NOT EXISTS link_bands (band_key TEXT NOT NULL, article_id TEXT NOT NULL,
    PRIMARY KEY (band_key, article_id));
CREATE INDEX IF NOT EXISTS link_bands_article ON link_bands(article_id)
