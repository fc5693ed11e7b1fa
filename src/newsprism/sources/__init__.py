"""Sources: files, folders, JSON Lines, WARC archives, feeds, URLs and stdin -> RawDocument."""
