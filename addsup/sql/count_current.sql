SELECT
    (SELECT count(*) FROM current_articles) AS articles,
    (SELECT count(*) FROM figures WHERE article_id IN (SELECT article_id FROM current_articles)) AS figures,
    (SELECT count(*) FROM relations WHERE article_id IN (SELECT article_id FROM current_articles)) AS relations;
