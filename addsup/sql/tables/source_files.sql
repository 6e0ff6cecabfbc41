-- The size and modification time of every article file read in full, so that the next run
-- can pass over the files that have not changed since (addsup/incremental.py).
CREATE TABLE IF NOT EXISTS source_files (
    source   VARCHAR PRIMARY KEY,
    size     BIGINT NOT NULL,
    mtime_ns BIGINT NOT NULL,
    seen_at  TIMESTAMP NOT NULL
);
