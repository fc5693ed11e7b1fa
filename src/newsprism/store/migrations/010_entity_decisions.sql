-- Manual entity decisions taken in the web UI (merge / split), keyed by names
-- and label rather than by ids, so they survive re-ingestion.
CREATE TABLE IF NOT EXISTS entity_decisions (
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL CHECK (action IN ('merge', 'split')),
    names TEXT NOT NULL,          -- JSON array of canonical names; the first one is the kept name
    label TEXT,                   -- PERSON, ORG, ... or NULL for any label
    created_at TEXT NOT NULL,
    note TEXT
);
CREATE INDEX IF NOT EXISTS entity_decisions_label ON entity_decisions(label)
