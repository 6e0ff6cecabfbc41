-- People's decisions on findings, by key (addsup/reviews.py): a copy of the reviews file
-- beside the warehouse (<warehouse>.reviews.jsonl), which is the record. The copy is made
-- again from the file whenever the file has changed, so a rebuilt warehouse has them all
-- and a retention prune or a re-extraction never touches them.
CREATE TABLE IF NOT EXISTS reviews (
    key      VARCHAR NOT NULL,
    verdict  VARCHAR NOT NULL,
    note     VARCHAR,
    reviewer VARCHAR,
    reviewed_at TIMESTAMP NOT NULL,
    "check"  VARCHAR,
    severity VARCHAR,
    article  VARCHAR,
    title    VARCHAR,
    sentence VARCHAR,
    message  VARCHAR,
    run_id   VARCHAR
);
