-- Claims side by side say what a figure is measured in and how the figures of a group relate:
-- agree, rounding, revision (a later figure) or disagreement (sources differ at the same time).
ALTER TABLE {schema}.claim_groups ADD COLUMN IF NOT EXISTS unit TEXT;
ALTER TABLE {schema}.claim_groups ADD COLUMN IF NOT EXISTS verdict TEXT;
ALTER TABLE {schema}.claim_groups ADD COLUMN IF NOT EXISTS note TEXT
