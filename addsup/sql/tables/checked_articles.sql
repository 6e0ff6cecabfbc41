-- The articles (and the file each is read from) that the standing findings describe,
-- and what checked them: an incremental run re-decides what differs from these.
CREATE TABLE IF NOT EXISTS checked_articles (
    article_id VARCHAR NOT NULL,
    source     VARCHAR NOT NULL
);
