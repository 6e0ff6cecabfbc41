-- The failures of run $1 but those reviewed as false alarms, the first $2, with their keys.
SELECT c.check_name, c.subject, c.severity, c.figure_ids, c.message, a.source, a.title, c.key
FROM reviewed_findings($1, NULL, 0, 0) AS c
LEFT JOIN articles AS a ON a.article_id = c.article_id
WHERE c.review IS DISTINCT FROM 'false-alarm'
ORDER BY c.check_name, c.subject
LIMIT $2;
