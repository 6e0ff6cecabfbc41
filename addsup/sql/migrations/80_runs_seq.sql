-- The order of runs: each run gets the next number when it starts (addsup.warehouse.start_run).
ALTER TABLE runs ADD COLUMN IF NOT EXISTS seq BIGINT;
