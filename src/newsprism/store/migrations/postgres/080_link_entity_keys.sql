-- What corpus entities are made of, kept per article (each entity's name node, variants, countries and
-- headline flag), the keys of each name node (folded names it votes with, blocking keys, its name) and the
-- pairs of name nodes that may be one thing, so a link run re-resolves only the corpus entities that the
-- names of new, changed or removed articles reach (#17).
CREATE TABLE IF NOT EXISTS {schema}.link_entity_mentions (article_id TEXT NOT NULL, position INTEGER NOT NULL,
    entity_id TEXT NOT NULL, node TEXT NOT NULL, name TEXT NOT NULL, label TEXT, gazetteer TEXT NOT NULL,
    variants TEXT NOT NULL, countries TEXT NOT NULL, headline INTEGER NOT NULL, PRIMARY KEY (article_id, position));
CREATE INDEX IF NOT EXISTS link_entity_mentions_node ON {schema}.link_entity_mentions (node);
CREATE TABLE IF NOT EXISTS {schema}.link_entity_keys (key TEXT NOT NULL, node TEXT NOT NULL, PRIMARY KEY (key, node));
CREATE INDEX IF NOT EXISTS link_entity_keys_node ON {schema}.link_entity_keys (node);
CREATE TABLE IF NOT EXISTS {schema}.link_entity_pairs (a TEXT NOT NULL, b TEXT NOT NULL, PRIMARY KEY (a, b));
CREATE INDEX IF NOT EXISTS link_entity_pairs_b ON {schema}.link_entity_pairs (b);
CREATE INDEX IF NOT EXISTS corpus_entity_members_name ON {schema}.corpus_entity_members (name)
