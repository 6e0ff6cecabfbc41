CREATE TABLE IF NOT EXISTS fx_monthly (
    month    VARCHAR NOT NULL,
    currency VARCHAR NOT NULL,
    base     VARCHAR NOT NULL,
    low      DOUBLE NOT NULL,
    mean     DOUBLE NOT NULL,
    high     DOUBLE NOT NULL,
    days     INTEGER NOT NULL,
    source   VARCHAR NOT NULL
);
