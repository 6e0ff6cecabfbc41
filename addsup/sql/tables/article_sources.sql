CREATE TABLE IF NOT EXISTS article_sources (
    source     VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    seen_at    TIMESTAMP NOT NULL
);
