CREATE TABLE IF NOT EXISTS articles (
    article_id        VARCHAR PRIMARY KEY,
    source            VARCHAR NOT NULL,
    external_id       VARCHAR,
    title             VARCHAR,
    published_on      DATE,
    url               VARCHAR,
    body_offset       INTEGER NOT NULL,
    text              VARCHAR NOT NULL,
    extractor_version VARCHAR,
    ingested_at       TIMESTAMP NOT NULL,
    first_run_id      VARCHAR
);
