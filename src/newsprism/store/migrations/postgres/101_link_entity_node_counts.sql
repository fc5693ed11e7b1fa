-- Each name node keeps its counts (articles, article entities, the first of them) in place of the list of its
-- article entities, so an incremental link patches a node's totals without reading or writing its members, and
-- reads them off link_entity_mentions only where a resolution asks for them (#17). The old rows are dropped: a
-- corpus linked before is linked in full once (the link configuration changed with them) and fills the table.
DROP TABLE IF EXISTS {schema}.link_entity_nodes;
CREATE TABLE {schema}.link_entity_nodes (node TEXT PRIMARY KEY, articles INTEGER NOT NULL,
    mentions INTEGER NOT NULL, first_member TEXT NOT NULL, labels TEXT NOT NULL, variants TEXT NOT NULL,
    countries TEXT NOT NULL, headline INTEGER NOT NULL)
