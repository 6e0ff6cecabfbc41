SELECT f.*
FROM figures AS f
WHERE f.article_id IN (SELECT article_id FROM current_articles)
ORDER BY f.figure_id;
