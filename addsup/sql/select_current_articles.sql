SELECT article_id FROM current_articles ORDER BY source LIMIT ?;
