-- Filters of a search (#17): an entity's name is looked up in any case (lower(name) = lower(?)), which the
-- article entities have had an index for from the start and the corpus entities get; the articles naming an
-- entity or a place are read off an index of the name holding the article's id (a place's name had none,
-- an article entity's name only folded).
CREATE INDEX IF NOT EXISTS corpus_entities_name_folded ON {schema}.corpus_entities (lower(name));
CREATE INDEX IF NOT EXISTS entities_name_article ON {schema}.entities (name, article_id);
CREATE INDEX IF NOT EXISTS places_name_article ON {schema}.places ((coalesce(name, text)), article_id)
