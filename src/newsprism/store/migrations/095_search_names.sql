-- A search filtered by an entity looks its name up in any case (lower(name) = lower(?)), which read every
-- entity row of the corpus without an index on the folded name: 57 to 86 ms at 100,000 articles.
CREATE INDEX IF NOT EXISTS entities_name_folded ON entities(lower(name));
CREATE INDEX IF NOT EXISTS corpus_entities_name_folded ON corpus_entities(lower(name))
