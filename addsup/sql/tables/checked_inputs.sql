-- The digests of what the standing findings were checked with (check code, tables,
-- reference data), one row per kind, and the run whose full validation they build on.
CREATE TABLE IF NOT EXISTS checked_inputs (
    kind     VARCHAR PRIMARY KEY,
    digest   VARCHAR NOT NULL
);
