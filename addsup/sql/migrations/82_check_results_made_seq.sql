-- The seq of the run that made the row (NULL: made before findings were carried).
ALTER TABLE check_results ADD COLUMN IF NOT EXISTS made_seq BIGINT;
