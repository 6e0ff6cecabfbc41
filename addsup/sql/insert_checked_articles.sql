INSERT INTO checked_articles
SELECT DISTINCT article_id, source FROM article_sources
EXCEPT
SELECT article_id, source FROM checked_articles;
