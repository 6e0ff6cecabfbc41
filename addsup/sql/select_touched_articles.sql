-- The articles whose (article, file) pairs differ from those the standing findings
-- describe: new, edited (a new id), moved or removed; `current` says whether it is read now.
WITH now_ AS (SELECT DISTINCT article_id, source FROM article_sources),
diff AS (
    (SELECT article_id, source FROM now_ EXCEPT SELECT article_id, source FROM checked_articles)
    UNION ALL
    (SELECT article_id, source FROM checked_articles EXCEPT SELECT article_id, source FROM now_)
)
SELECT DISTINCT d.article_id,
       d.article_id IN (SELECT article_id FROM article_sources) AS current
FROM diff AS d;
