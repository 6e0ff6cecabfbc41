CREATE TABLE IF NOT EXISTS quarantine (
    source        VARCHAR NOT NULL,
    reason        VARCHAR NOT NULL,
    content_hash  VARCHAR NOT NULL,
    detail        VARCHAR NOT NULL,
    loaded        BOOLEAN NOT NULL,
    first_run_id  VARCHAR,
    last_run_id   VARCHAR,
    PRIMARY KEY (source, reason, content_hash)
);
