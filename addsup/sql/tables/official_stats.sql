CREATE TABLE IF NOT EXISTS official_stats (
    stat_id      VARCHAR NOT NULL,
    description  VARCHAR NOT NULL,
    pattern      VARCHAR NOT NULL,
    unit         VARCHAR NOT NULL,
    currency     VARCHAR,
    period_start DATE NOT NULL,
    period_end   DATE NOT NULL,
    value        DOUBLE NOT NULL,
    decimals     INTEGER NOT NULL,
    scale        DOUBLE NOT NULL,
    source       VARCHAR NOT NULL
);
