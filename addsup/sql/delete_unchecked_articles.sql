DELETE FROM checked_articles
WHERE (article_id, source) NOT IN (SELECT article_id, source FROM article_sources);
