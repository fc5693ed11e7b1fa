-- What the article entities of each name node add up to (members, label, variant and country counts, headline
-- lines), so an incremental link run re-resolves the names it reaches from these rows instead of reading every
-- article entity of them (#17). A corpus linked before has none: its next link run fills the table.
CREATE TABLE IF NOT EXISTS {schema}.link_entity_nodes (node TEXT PRIMARY KEY, members TEXT NOT NULL,
    labels TEXT NOT NULL, variants TEXT NOT NULL, countries TEXT NOT NULL, headline INTEGER NOT NULL)
