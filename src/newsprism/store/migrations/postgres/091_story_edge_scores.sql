-- Story edges keep their scores exactly (a double, as SQLite's REAL is): an incremental link run clusters the
-- stories it re-clusters from them instead of scoring every old pair again, and must see a full run's values (#17).
ALTER TABLE {schema}.link_story_edges ALTER COLUMN score TYPE DOUBLE PRECISION
