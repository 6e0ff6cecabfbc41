-- Forget what the standing findings described of the articles decided again ($1: all of it,
-- a full validation).
DELETE FROM checked_articles
WHERE $1 OR article_id IN (SELECT article_id FROM scope_touched);
