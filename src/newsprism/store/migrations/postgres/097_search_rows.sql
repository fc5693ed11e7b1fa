-- The full-text vector of each article moves to a narrow row of its own, beside the columns a search
-- filters on, kept by triggers (#17). In the article's row the vector (2.7 kB an article) was stored out of
-- line (TOAST): every match a search ranked, every phrase it checked and every filtered match it tested
-- read the vector through the TOAST index, about five page reads a row, a cost the planner does not see.
-- Here it stays in the row (STORAGE MAIN), one page read, and a filtered match is tested on the same row.
CREATE TABLE IF NOT EXISTS {schema}.article_search (rowid BIGINT PRIMARY KEY, id TEXT NOT NULL, published TEXT,
    site TEXT, lang TEXT, url TEXT, source TEXT NOT NULL, tsv tsvector NOT NULL);
ALTER TABLE {schema}.article_search ALTER COLUMN tsv SET STORAGE MAIN;
INSERT INTO {schema}.article_search SELECT rowid, id, published, site, lang, url, source, tsv
    FROM {schema}.articles ORDER BY rowid ON CONFLICT DO NOTHING;
ALTER TABLE {schema}.articles DROP COLUMN IF EXISTS tsv;
CREATE INDEX IF NOT EXISTS article_search_tsv ON {schema}.article_search USING GIN (tsv);
-- A date or a site filter is read off these and ANDed with the full-text index's bitmap, so that only the
-- rows passing it are read: 'the' on one site since a day read 60,000 rows of 2.7 kB for 4,000 (240 ms, 25).
CREATE INDEX IF NOT EXISTS article_search_published ON {schema}.article_search (published);
CREATE INDEX IF NOT EXISTS article_search_site ON {schema}.article_search (site, published);
-- An entity's spellings are read off the index of its folded name (the rows of 25,000 mentions: 15 to 27 ms).
CREATE INDEX IF NOT EXISTS entities_name_folded ON {schema}.entities (lower(name), name);
-- The vector as the articles' generated column made it: title words weigh "A", body words "B".
CREATE OR REPLACE FUNCTION {schema}.article_search_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM {schema}.article_search WHERE rowid = OLD.rowid;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO {schema}.article_search VALUES (NEW.rowid, NEW.id, NEW.published, NEW.site, NEW.lang, NEW.url,
            NEW.source, setweight(to_tsvector('simple', {schema}.np_unaccent(coalesce(NEW.title, ''))), 'A') ||
                        setweight(to_tsvector('simple', {schema}.np_unaccent(NEW.text)), 'B'));
    END IF;
    RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION {schema}.article_search_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE {schema}.article_search;
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS article_search_write ON {schema}.articles;
CREATE TRIGGER article_search_write AFTER INSERT OR DELETE OR UPDATE OF rowid, id, published, site, lang, url, source,
    title, text ON {schema}.articles FOR EACH ROW EXECUTE FUNCTION {schema}.article_search_write();
DROP TRIGGER IF EXISTS article_search_clear ON {schema}.articles;
CREATE TRIGGER article_search_clear AFTER TRUNCATE ON {schema}.articles
    FOR EACH STATEMENT EXECUTE FUNCTION {schema}.article_search_clear()
