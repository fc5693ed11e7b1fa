-- Each story key row carries its article's publication day, so an incremental link reads the members of
-- a new article's keys within the story window alone, off the index, where it read every member of those
-- keys with its day (#17). A corpus linked before has none: its next link run is a full one (the link
-- configuration changed with them) and fills them.
ALTER TABLE {schema}.link_story_keys ADD COLUMN IF NOT EXISTS day TEXT;
CREATE INDEX IF NOT EXISTS link_story_keys_key_day ON {schema}.link_story_keys(key, day)
