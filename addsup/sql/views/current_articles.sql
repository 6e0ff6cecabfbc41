CREATE OR REPLACE VIEW current_articles AS
SELECT a.*
FROM articles AS a
WHERE a.article_id IN (SELECT article_id FROM article_sources);
