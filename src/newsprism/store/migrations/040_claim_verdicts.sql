-- Claims side by side say what a figure is measured in and how the figures of a group relate:
-- agree, rounding, revision (a later figure) or disagreement (sources differ at the same time).
ALTER TABLE claim_groups ADD COLUMN unit TEXT;
ALTER TABLE claim_groups ADD COLUMN verdict TEXT;
ALTER TABLE claim_groups ADD COLUMN note TEXT
