-- newsprism store, schema version 1 (PostgreSQL). {schema} is the store's schema.
CREATE OR REPLACE FUNCTION {schema}.np_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

CREATE TABLE {schema}.articles (
    rowid BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    key TEXT NOT NULL UNIQUE,
    url TEXT,
    canonical_url TEXT,
    title TEXT,
    published TEXT,
    site TEXT,
    lang TEXT,
    source TEXT NOT NULL,
    content_kind TEXT NOT NULL,
    text TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    data TEXT NOT NULL,
    tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', {schema}.np_unaccent(coalesce(title, ''))), 'A') ||
        setweight(to_tsvector('simple', {schema}.np_unaccent(text)), 'B')) STORED
);
CREATE INDEX articles_tsv ON {schema}.articles USING GIN (tsv);
CREATE INDEX articles_published ON {schema}.articles (published);
CREATE INDEX articles_site ON {schema}.articles (site);
CREATE INDEX articles_hash ON {schema}.articles (content_hash);

CREATE TABLE {schema}.seen (raw_hash TEXT PRIMARY KEY, article_id TEXT, source TEXT NOT NULL);

CREATE TABLE {schema}.removals (article_id TEXT NOT NULL, start INTEGER, "end" INTEGER, kind TEXT, reason TEXT, text TEXT);
CREATE TABLE {schema}.repairs (article_id TEXT NOT NULL, start INTEGER, "end" INTEGER, before TEXT, after TEXT, kind TEXT);
CREATE TABLE {schema}.entities (article_id TEXT NOT NULL, entity_id TEXT NOT NULL, name TEXT NOT NULL, label TEXT,
                                variants TEXT, mentions INTEGER, PRIMARY KEY (article_id, entity_id));
CREATE INDEX entities_name ON {schema}.entities (lower(name));
CREATE TABLE {schema}.mentions (article_id TEXT NOT NULL, start INTEGER, "end" INTEGER, text TEXT, label TEXT, entity_id TEXT);
CREATE TABLE {schema}.quotes (article_id TEXT NOT NULL, start INTEGER, "end" INTEGER, text TEXT, kind TEXT,
                              speaker TEXT, speaker_name TEXT, cue TEXT);
CREATE TABLE {schema}.claims (article_id TEXT NOT NULL, start INTEGER, "end" INTEGER, text TEXT, value DOUBLE PRECISION,
                              bound TEXT, unit TEXT, counted TEXT, verb TEXT, claimant TEXT, claimant_name TEXT, as_of TEXT);
CREATE TABLE {schema}.times (article_id TEXT NOT NULL, start INTEGER, "end" INTEGER, text TEXT, value TEXT,
                             granularity TEXT, resolved INTEGER);
CREATE TABLE {schema}.places (article_id TEXT NOT NULL, start INTEGER, "end" INTEGER, text TEXT, name TEXT,
                              gazetteer_id TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION, country TEXT, type TEXT);
CREATE INDEX mentions_article ON {schema}.mentions (article_id);
CREATE INDEX quotes_article ON {schema}.quotes (article_id);
CREATE INDEX claims_article ON {schema}.claims (article_id);
CREATE INDEX times_article ON {schema}.times (article_id);
CREATE INDEX places_article ON {schema}.places (article_id);
CREATE INDEX removals_article ON {schema}.removals (article_id);
CREATE INDEX repairs_article ON {schema}.repairs (article_id);

CREATE TABLE {schema}.runs (id BIGSERIAL PRIMARY KEY, started TEXT NOT NULL, finished TEXT, sources TEXT NOT NULL,
                            summary TEXT);
CREATE TABLE {schema}.failures (id BIGSERIAL PRIMARY KEY, run_id BIGINT, source TEXT NOT NULL, url TEXT,
                                code TEXT NOT NULL, message TEXT NOT NULL, at TEXT NOT NULL)
