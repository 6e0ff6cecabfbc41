CREATE TABLE IF NOT EXISTS runs (
    run_id        VARCHAR PRIMARY KEY,
    started_at    TIMESTAMP NOT NULL,
    finished_at   TIMESTAMP,
    status        VARCHAR NOT NULL,
    params        JSON,
    articles_seen INTEGER,
    articles_new  INTEGER,
    figures_total INTEGER,
    checks_run    INTEGER,
    failures      INTEGER,
    quarantined   INTEGER
);
