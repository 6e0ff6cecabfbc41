CREATE TABLE IF NOT EXISTS runs (
    run_id          VARCHAR PRIMARY KEY,
    started_at      TIMESTAMP NOT NULL,
    finished_at     TIMESTAMP,
    status          VARCHAR NOT NULL,
    params          JSON,
    articles_seen   INTEGER,
    articles_new    INTEGER,
    figures_total   INTEGER,
    checks_run      INTEGER,
    failures        INTEGER,
    quarantined     INTEGER,
    errors          INTEGER,
    warnings        INTEGER,
    -- the digest of what the run read (addsup/incremental.py): a run whose inputs are those
    -- of a run before finds nothing new
    inputs_digest   VARCHAR,
    -- a run that found nothing new: the run whose findings stand (run_findings)
    unchanged_since VARCHAR,
    -- failures of the run reviewed as false alarms (counted apart from errors and warnings)
    reviewed        INTEGER,
    -- failures of the run confirmed as errors (or reopened): the corrections queue's share
    confirmed       INTEGER,
    -- failures of the run that the run before it did not have (false alarms left out)
    new_failures    INTEGER,
    -- the order of runs: each run gets the next number when it starts (warehouse.start_run)
    seq             BIGINT,
    -- the run (its seq) whose full validation the findings of this run build on: a full
    -- run's own seq; an incremental run's is the last full run's (addsup.incremental.scope)
    base_seq        BIGINT,
    -- a run whose end its Prefect server did not hear (the server stopped answering): the
    -- next run gives its flow run on the server the state recorded here (flows/settle.py)
    unreported      BOOLEAN DEFAULT false
);
