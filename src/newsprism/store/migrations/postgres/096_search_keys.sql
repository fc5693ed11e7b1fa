-- The SQLite store keeps the columns a search filters on in a narrow table of their own (article_keys),
-- since SQLite read a page of an article's text to test the filters on each match. PostgreSQL tests them
-- on the article's heap tuple, whose text is stored apart (TOAST): nothing to add; this version exists
-- so that both stores share one schema number.
SELECT 1
