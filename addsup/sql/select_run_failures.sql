SELECT c.check_name, c.subject, c.severity, c.figure_ids, c.message, a.source, a.title
FROM check_results AS c
LEFT JOIN articles AS a ON a.article_id = c.article_id
WHERE c.run_id = ? AND c.status = 'fail'
ORDER BY c.check_name, c.subject;
