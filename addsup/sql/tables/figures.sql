-- One row per number an article states (addsup/extract): its span, value, unit, interval in
-- base units and period. The columns of the frames a load takes (addsup/frames.py), of the
-- figure schema (schemas/figures.py) and of `addsup extract` are read from this statement
-- (addsup/columns.py): a column is declared here only.
-- No primary key: the extractor makes each id once, a load replaces an article's rows
-- whole, and validation checks the ids are unique. A key's index cost a large load more
-- than the rows did (0.14 s against 0.04 s for 32,000 figures at 16 million) and is held
-- in memory. Warehouses made with the key lose it on connect (warehouse.unkey).
CREATE TABLE IF NOT EXISTS figures (
    figure_id        VARCHAR NOT NULL,
    article_id       VARCHAR NOT NULL,
    sentence_no      INTEGER NOT NULL,
    start_char       INTEGER NOT NULL,
    end_char         INTEGER NOT NULL,
    surface          VARCHAR NOT NULL,
    value            DOUBLE NOT NULL,
    decimals         INTEGER NOT NULL,
    scale            DOUBLE NOT NULL,
    unit             VARCHAR NOT NULL,
    currency         VARCHAR,
    currency_assumed BOOLEAN NOT NULL,
    qualifier        VARCHAR NOT NULL,
    noun             VARCHAR,
    lo               DOUBLE NOT NULL,
    hi               DOUBLE NOT NULL,
    period_start     DATE,
    period_end       DATE,
    period_label     VARCHAR,
    -- the metric key of a level, for agreement across articles
    metric           VARCHAR,
    -- the top of a range, on its first figure ("5 to 7 percent")
    value_upper      DOUBLE
);
