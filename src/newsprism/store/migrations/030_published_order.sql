-- Newest first, undated last, for browsing and date-sorted search. SQLite sorts NULL lowest, so the
-- articles_published index read backwards already gives that order; this version exists so that
-- both stores share one schema number (PostgreSQL adds an index of its own here).
CREATE INDEX IF NOT EXISTS articles_published ON articles (published);
