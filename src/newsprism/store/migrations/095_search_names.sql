-- Filters of a search (#17). An entity's name is looked up in any case (lower(name) = lower(?)), which read
-- every entity row of the corpus without an index on the folded name (57 to 86 ms at 100,000 articles); the
-- index holds the name too, so that the spellings are read off it. The articles naming an entity, or a
-- place, are read off an index holding the article's id, where each was a row of the table (a place's name
-- had no index at all): a filtered search makes that list in every statement holding the filter.
CREATE INDEX IF NOT EXISTS entities_name_folded ON entities(lower(name), name);
CREATE INDEX IF NOT EXISTS corpus_entities_name_folded ON corpus_entities(lower(name));
DROP INDEX IF EXISTS entities_name;
CREATE INDEX IF NOT EXISTS entities_name_article ON entities(name, article_id);
CREATE INDEX IF NOT EXISTS places_name_article ON places(coalesce(name, text), article_id)
