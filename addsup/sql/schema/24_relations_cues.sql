-- the words that linked a relation's figures ("accounting for", "rose", "lower than the"):
-- every finding shows them. Before the check views (30-60), which read it.
ALTER TABLE relations ADD COLUMN IF NOT EXISTS cues VARCHAR;
