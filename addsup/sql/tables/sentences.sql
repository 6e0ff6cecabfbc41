-- No primary key: the extractor numbers each article's sentences once, and a load replaces
-- an article's rows whole. A key's index cost a large load more than the rows did (as for
-- figures and relations) and is held in memory.
-- Warehouses made with the key lose it on connect (warehouse.unkey).
CREATE TABLE IF NOT EXISTS sentences (
    article_id  VARCHAR NOT NULL,
    sentence_no INTEGER NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL
);
