-- the words that linked a relation's figures ("accounting for", "rose", "lower than the"):
-- every finding shows them.
ALTER TABLE relations ADD COLUMN IF NOT EXISTS cues VARCHAR;
