CREATE TABLE IF NOT EXISTS sentences (
    article_id  VARCHAR NOT NULL,
    sentence_no INTEGER NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    PRIMARY KEY (article_id, sentence_no)
);
