-- Corpus links (newsprism link), PostgreSQL: recomputed as a whole, in one transaction.
CREATE TABLE IF NOT EXISTS {schema}.duplicate_groups (group_id TEXT NOT NULL, article_id TEXT NOT NULL,
    is_original INTEGER NOT NULL, similarity DOUBLE PRECISION, evidence TEXT, PRIMARY KEY (group_id, article_id));
CREATE INDEX IF NOT EXISTS duplicate_groups_article ON {schema}.duplicate_groups(article_id);
CREATE TABLE IF NOT EXISTS {schema}.lineage (article_id TEXT NOT NULL, source_article_id TEXT, source_name TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('translation', 'copy', 'rewrite')), cue TEXT, evidence TEXT);
CREATE INDEX IF NOT EXISTS lineage_article ON {schema}.lineage(article_id);
CREATE TABLE IF NOT EXISTS {schema}.stories (story_id TEXT PRIMARY KEY, label TEXT, start TEXT, "end" TEXT,
    sources TEXT, size INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS {schema}.story_articles (story_id TEXT NOT NULL, article_id TEXT NOT NULL, score DOUBLE PRECISION,
    PRIMARY KEY (story_id, article_id));
CREATE INDEX IF NOT EXISTS story_articles_article ON {schema}.story_articles(article_id);
CREATE TABLE IF NOT EXISTS {schema}.corpus_entities (corpus_id TEXT PRIMARY KEY, name TEXT NOT NULL, label TEXT,
    variants TEXT, evidence TEXT, articles INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS corpus_entities_name ON {schema}.corpus_entities(name);
CREATE TABLE IF NOT EXISTS {schema}.corpus_entity_members (corpus_id TEXT NOT NULL, article_id TEXT NOT NULL,
    entity_id TEXT NOT NULL, name TEXT);
CREATE INDEX IF NOT EXISTS corpus_entity_members_corpus ON {schema}.corpus_entity_members(corpus_id);
CREATE INDEX IF NOT EXISTS corpus_entity_members_article ON {schema}.corpus_entity_members(article_id);
CREATE TABLE IF NOT EXISTS {schema}.claim_groups (story_id TEXT NOT NULL, quantity TEXT NOT NULL, article_id TEXT NOT NULL,
    claim_index INTEGER NOT NULL, value DOUBLE PRECISION, bound TEXT, counted TEXT, claimant_name TEXT, as_of TEXT, site TEXT);
CREATE INDEX IF NOT EXISTS claim_groups_story ON {schema}.claim_groups(story_id, quantity);
CREATE TABLE IF NOT EXISTS {schema}.site_furniture (site TEXT NOT NULL, line_hash TEXT NOT NULL, line_text TEXT NOT NULL,
    articles INTEGER NOT NULL, PRIMARY KEY (site, line_hash));
-- MinHash signatures cached per article and content, so a re-link only hashes new or changed texts.
CREATE TABLE IF NOT EXISTS {schema}.link_minhash (article_id TEXT PRIMARY KEY, content_hash TEXT NOT NULL,
    signature TEXT NOT NULL)
;
-- Manual entity decisions (merge / split) by names and label, so they survive re-ingestion
-- (the SQLite store has them since migration 010).
CREATE TABLE IF NOT EXISTS {schema}.entity_decisions (
    id BIGSERIAL PRIMARY KEY,
    action TEXT NOT NULL CHECK (action IN ('merge', 'split')),
    names TEXT NOT NULL,
    label TEXT,
    created_at TEXT NOT NULL,
    note TEXT
);
CREATE INDEX IF NOT EXISTS entity_decisions_label ON {schema}.entity_decisions (label);
