-- The names an article's entities and places go by, in its search row (#17). A search under a person named by
-- a quarter of 100,000 articles made the list of those 25,000 articles, or looked each match up in the
-- entities' index, for every statement: 40 to 50 ms of the 60 for a page of 'said'. Kept here as arrays with
-- a GIN index each, the filter is a bitmap ANDed with the full-text one and the range of row ids, and only the
-- rows passing all of them are read.
ALTER TABLE {schema}.article_search ADD COLUMN IF NOT EXISTS entity_names TEXT[] NOT NULL DEFAULT '{}',
    ADD COLUMN IF NOT EXISTS place_names TEXT[] NOT NULL DEFAULT '{}';
-- The names as the search filters write them: an entity's name, a place's gazetteer name else its text.
CREATE OR REPLACE FUNCTION {schema}.article_entity_names(article TEXT) RETURNS TEXT[] LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(DISTINCT name ORDER BY name), '{}') FROM {schema}.entities WHERE article_id = article
$$;
CREATE OR REPLACE FUNCTION {schema}.article_place_names(article TEXT) RETURNS TEXT[] LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(DISTINCT coalesce(name, text) ORDER BY coalesce(name, text))
                    FILTER (WHERE coalesce(name, text) IS NOT NULL), '{}')
    FROM {schema}.places WHERE article_id = article
$$;
-- Filled by rewriting the table (a changed column type with USING), where an UPDATE would leave every row
-- twice (100,000 articles: 22 s with the indexes below, then 6 s to vacuum).
ALTER TABLE {schema}.article_search ALTER COLUMN entity_names TYPE TEXT[] USING {schema}.article_entity_names(id),
    ALTER COLUMN place_names TYPE TEXT[] USING {schema}.article_place_names(id);
CREATE INDEX IF NOT EXISTS article_search_entities ON {schema}.article_search USING GIN (entity_names);
CREATE INDEX IF NOT EXISTS article_search_places ON {schema}.article_search USING GIN (place_names);
-- A page of dense matches by date walks this, testing the match and the filters on each row: read off the
-- articles' date index, each was looked up in the search rows and the entities' index (a person and
-- 'report*': 21 to 33 ms, 0.3 here).
CREATE INDEX IF NOT EXISTS article_search_published_order ON {schema}.article_search
    (published DESC NULLS LAST, rowid DESC);
-- The store vacuums and analyzes the table once this is committed (postgres.REWRITES): the planner's estimate
-- of a name's articles sizes the range of row ids a filtered search reads first.
-- An article's search row is written when its transaction commits (a deferred trigger, its events in the order
-- of the writes): its facts, written after it, are in by then, so the row is written once with their names,
-- not once more per fact.
CREATE OR REPLACE FUNCTION {schema}.article_search_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM {schema}.article_search WHERE rowid = OLD.rowid;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO {schema}.article_search (rowid, id, published, site, lang, url, source, tsv, entity_names,
                                             place_names)
        VALUES (NEW.rowid, NEW.id, NEW.published, NEW.site, NEW.lang, NEW.url, NEW.source,
                setweight(to_tsvector('simple', {schema}.np_unaccent(coalesce(NEW.title, ''))), 'A') ||
                setweight(to_tsvector('simple', {schema}.np_unaccent(NEW.text)), 'B'),
                {schema}.article_entity_names(NEW.id), {schema}.article_place_names(NEW.id));
    END IF;
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS article_search_write ON {schema}.articles;
CREATE CONSTRAINT TRIGGER article_search_write AFTER INSERT OR DELETE OR UPDATE OF rowid, id, published, site, lang,
    url, source, title, text ON {schema}.articles DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION {schema}.article_search_write();
-- Facts written or removed apart from their article update the names of its search row, when it has one and
-- they changed. A new article's facts find none (it is written at commit): checking that is all they cost.
-- Its statements are planned once per session, on the tables as they are then: on the first, empty, tables of
-- a corpus that was a scan of every row, kept as the tables grew (4,000 articles: 3.1 s of lookups, 0.5 this way).
CREATE OR REPLACE FUNCTION {schema}.article_search_names(article TEXT) RETURNS void LANGUAGE plpgsql
SET enable_seqscan = off AS $$
DECLARE
    row_id BIGINT;
    entities TEXT[];
    places TEXT[];
BEGIN
    SELECT a.rowid INTO row_id FROM {schema}.articles a WHERE a.id = article;
    IF row_id IS NULL OR NOT EXISTS (SELECT 1 FROM {schema}.article_search s WHERE s.rowid = row_id) THEN
        RETURN;
    END IF;
    entities := {schema}.article_entity_names(article);
    places := {schema}.article_place_names(article);
    UPDATE {schema}.article_search s SET entity_names = entities, place_names = places
    WHERE s.rowid = row_id AND (s.entity_names, s.place_names) IS DISTINCT FROM (entities, places);
END $$;
CREATE OR REPLACE FUNCTION {schema}.article_search_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM {schema}.article_search_names(OLD.article_id);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM {schema}.article_search_names(NEW.article_id);
    END IF;
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS article_search_entities ON {schema}.entities;
CREATE TRIGGER article_search_entities AFTER INSERT OR DELETE OR UPDATE OF article_id, name ON {schema}.entities
    FOR EACH ROW EXECUTE FUNCTION {schema}.article_search_facts();
DROP TRIGGER IF EXISTS article_search_places ON {schema}.places;
CREATE TRIGGER article_search_places AFTER INSERT OR DELETE OR UPDATE OF article_id, name, text ON {schema}.places
    FOR EACH ROW EXECUTE FUNCTION {schema}.article_search_facts();
-- A truncated fact table empties the names.
CREATE OR REPLACE FUNCTION {schema}.article_search_facts_cleared() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'entities' THEN
        UPDATE {schema}.article_search SET entity_names = '{}' WHERE entity_names <> '{}';
    ELSE
        UPDATE {schema}.article_search SET place_names = '{}' WHERE place_names <> '{}';
    END IF;
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS article_search_entities_clear ON {schema}.entities;
CREATE TRIGGER article_search_entities_clear AFTER TRUNCATE ON {schema}.entities
    FOR EACH STATEMENT EXECUTE FUNCTION {schema}.article_search_facts_cleared();
DROP TRIGGER IF EXISTS article_search_places_clear ON {schema}.places;
CREATE TRIGGER article_search_places_clear AFTER TRUNCATE ON {schema}.places
    FOR EACH STATEMENT EXECUTE FUNCTION {schema}.article_search_facts_cleared()
