CREATE TABLE IF NOT EXISTS check_results (
    run_id      VARCHAR NOT NULL,
    check_name  VARCHAR NOT NULL,
    severity    VARCHAR NOT NULL,
    status      VARCHAR NOT NULL,
    subject     VARCHAR NOT NULL,
    article_id  VARCHAR,
    sentence_no INTEGER,
    figure_ids  VARCHAR[],
    stated_lo   DOUBLE,
    stated_hi   DOUBLE,
    implied_lo  DOUBLE,
    implied_hi  DOUBLE,
    tolerance   VARCHAR,
    message     VARCHAR NOT NULL,
    PRIMARY KEY (run_id, check_name, subject)
);
