-- Remember the articles decided again, with their files as they are now ($1: every article,
-- a full validation).
INSERT INTO checked_articles
SELECT DISTINCT article_id, source
FROM article_sources
WHERE $1 OR article_id IN (SELECT article_id FROM scope_touched);
