-- The PostgreSQL store moves each article's full-text vector to a narrow row of its own beside the columns
-- a search filters on (article_search), since it read the vector out of line (TOAST) for every match it
-- ranked or tested (#17). SQLite's full-text index (articles_fts) and article_keys are that already: nothing
-- to add; this version exists so that both stores share one schema number.
SELECT 1
