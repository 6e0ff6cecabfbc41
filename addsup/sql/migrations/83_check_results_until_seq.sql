-- The last run (seq) that sees the row; NULL while it stands. An incremental run that
-- decides an article again sets it on the article's rows (one UPDATE of what changed).
ALTER TABLE check_results ADD COLUMN IF NOT EXISTS until_seq BIGINT;
