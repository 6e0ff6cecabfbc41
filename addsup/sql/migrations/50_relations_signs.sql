-- The sign of each member of a relation, in the order of members: for a balance, +1 for
-- an export (or revenue) and -1 for an import (or spending); for a growth_of_total, the
-- members are (level, rate) pairs: the level's sign in the total and the rate's direction.
ALTER TABLE relations ADD COLUMN IF NOT EXISTS signs INTEGER[];
