-- A search filtered by an entity looks its name up in any case (lower(name) = lower(?)); the article
-- entities have had an index on the folded name from the start, the corpus entities get one (#17).
CREATE INDEX IF NOT EXISTS corpus_entities_name_folded ON {schema}.corpus_entities (lower(name))
