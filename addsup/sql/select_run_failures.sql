SELECT c.check_name, c.subject, c.severity, c.figure_ids, c.message, a.source, a.title
FROM run_findings AS c
LEFT JOIN articles AS a ON a.article_id = c.article_id
WHERE c.for_run = ? AND c.status = 'fail'
ORDER BY c.check_name, c.subject
LIMIT ?;
