-- No primary key: the extractor makes each id once, a load replaces an article's rows
-- whole, and validation checks the ids are unique. A key's index cost a large load more
-- than the rows did (0.14 s against 0.04 s for 32,000 figures at 16 million) and is held
-- in memory. Warehouses made with the key lose it on connect (warehouse.unkey).
CREATE TABLE IF NOT EXISTS relations (
    relation_id VARCHAR NOT NULL,
    article_id  VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,
    sentence_no INTEGER NOT NULL,
    stated_id   VARCHAR NOT NULL,
    a_id        VARCHAR,
    b_id        VARCHAR,
    direction   INTEGER,
    phrase      VARCHAR,
    members     VARCHAR[],
    metric      VARCHAR,
    -- the words that linked a relation's figures ("accounting for", "rose", "lower than the"):
    -- every finding shows them
    cues        VARCHAR,
    -- the sign of each member, in the order of members: for a balance, +1 for an export (or
    -- revenue) and -1 for an import (or spending); for a growth_of_total, the members are
    -- (level, rate) pairs: the level's sign in the total and the rate's direction
    signs       INTEGER[],
    -- how many ways the figures could be linked (1: only the one stored); a relation read
    -- one of several ways fails only as a warning: another reading may be meant
    readings    INTEGER
);
