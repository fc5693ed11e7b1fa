-- The shingles of the text each MinHash signature is of (32-bit hashes, base 64), so an incremental link
-- verifies a new article against its stored bucket-mates without reading and cutting their texts again
-- (#17). A corpus linked before has none: its next link run is a full one (the link configuration
-- changed with them) and fills them.
ALTER TABLE {schema}.link_minhash ADD COLUMN IF NOT EXISTS shingles TEXT NOT NULL DEFAULT ''
