-- Meaning vectors of articles for same-story links, kept per article and content hash so that a
-- later link run encodes only new or changed articles.
CREATE TABLE IF NOT EXISTS link_vectors (article_id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, vector TEXT NOT NULL)
