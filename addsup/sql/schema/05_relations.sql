CREATE TABLE IF NOT EXISTS relations (
    relation_id VARCHAR PRIMARY KEY,
    article_id  VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,
    sentence_no INTEGER NOT NULL,
    stated_id   VARCHAR NOT NULL,
    a_id        VARCHAR,
    b_id        VARCHAR
);
