-- newsprism store, schema version 1 (SQLite).
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
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
    data TEXT NOT NULL            -- the article's versioned JSON form
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_site ON articles(site);
CREATE INDEX articles_hash ON articles(content_hash);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);

CREATE TABLE seen (
    raw_hash TEXT PRIMARY KEY,
    article_id TEXT,
    source TEXT NOT NULL
);

CREATE TABLE removals (article_id TEXT NOT NULL, start INTEGER, "end" INTEGER, kind TEXT, reason TEXT, text TEXT);
CREATE TABLE repairs (article_id TEXT NOT NULL, start INTEGER, "end" INTEGER, before TEXT, after TEXT, kind TEXT);
CREATE TABLE entities (article_id TEXT NOT NULL, entity_id TEXT NOT NULL, name TEXT NOT NULL, label TEXT,
                       variants TEXT, mentions INTEGER, PRIMARY KEY (article_id, entity_id));
CREATE INDEX entities_name ON entities(name);
CREATE TABLE mentions (article_id TEXT NOT NULL, start INTEGER, "end" INTEGER, text TEXT, label TEXT, entity_id TEXT);
CREATE TABLE quotes (article_id TEXT NOT NULL, start INTEGER, "end" INTEGER, text TEXT, kind TEXT,
                     speaker TEXT, speaker_name TEXT, cue TEXT);
CREATE INDEX quotes_speaker ON quotes(speaker_name);
CREATE TABLE claims (article_id TEXT NOT NULL, start INTEGER, "end" INTEGER, text TEXT, value REAL, bound TEXT,
                     unit TEXT, counted TEXT, verb TEXT, claimant TEXT, claimant_name TEXT, as_of TEXT);
CREATE TABLE times (article_id TEXT NOT NULL, start INTEGER, "end" INTEGER, text TEXT, value TEXT,
                    granularity TEXT, resolved INTEGER);
CREATE TABLE places (article_id TEXT NOT NULL, start INTEGER, "end" INTEGER, text TEXT, name TEXT,
                     gazetteer_id TEXT, lat REAL, lon REAL, country TEXT, type TEXT);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX claims_article ON claims(article_id);
CREATE INDEX times_article ON times(article_id);
CREATE INDEX places_article ON places(article_id);
CREATE INDEX removals_article ON removals(article_id);
CREATE INDEX repairs_article ON repairs(article_id);

CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    sources TEXT NOT NULL,
    summary TEXT
);
CREATE TABLE failures (
    id INTEGER PRIMARY KEY,
    run_id INTEGER,
    source TEXT NOT NULL,
    url TEXT,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    at TEXT NOT NULL
);
