-- The PostgreSQL store keeps the names an article's entities and places go by in its search row
-- (article_search), indexed, so that a search under an entity or a place ANDs their index with the full-text
-- index instead of testing each match against the entity and place tables (#17). SQLite looks each match up
-- in those tables' indexes, which costs it less than the bound: nothing to add; this version exists so that
-- both stores share one schema number.
SELECT 1
