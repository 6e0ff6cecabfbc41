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
    -- NULL for a pass of a row check (share_of, growth, ...), stored as numbers: its message
    -- is written when a report shows it (addsup.validate.explain_passes)
    message     VARCHAR,
    -- the seq of the run that made the row (NULL: made before findings were carried)
    made_seq    BIGINT,
    -- the last run (seq) that sees the row; NULL while it stands. An incremental run that
    -- decides an article again sets it on the article's rows (one UPDATE of what changed)
    until_seq   BIGINT,
    PRIMARY KEY (run_id, check_name, subject)
);
