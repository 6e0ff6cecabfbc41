-- How many ways the figures of a relation could be linked (1: only the one stored). A
-- relation read one of several ways fails only as a warning: another reading may be meant.
ALTER TABLE relations ADD COLUMN IF NOT EXISTS readings INTEGER;
