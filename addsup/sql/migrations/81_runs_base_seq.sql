-- The run (its seq) whose full validation the findings of this run build on: a full run's
-- own seq; an incremental run's is the last full run's (addsup.incremental.scope).
ALTER TABLE runs ADD COLUMN IF NOT EXISTS base_seq BIGINT;
