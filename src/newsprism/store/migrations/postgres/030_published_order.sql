-- Newest first, undated last (ORDER BY published DESC NULLS LAST, rowid DESC): the plain published
-- index puts NULL last only in ascending order, so without this one PostgreSQL sorted every match.
CREATE INDEX IF NOT EXISTS articles_published_order ON {schema}.articles (published DESC NULLS LAST, rowid DESC);
