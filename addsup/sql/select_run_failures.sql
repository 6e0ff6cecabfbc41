-- The failures of run $1 but those reviewed as false alarms, the first $2, with their keys
-- (named as results.json names a finding's fields).
SELECT c.check_name AS "check", c.subject, c.severity, c.message, a.source AS article,
    a.title, NULL AS sentence, c.key
FROM reviewed_findings($1, NULL, 0, 0) AS c
LEFT JOIN articles AS a ON a.article_id = c.article_id
WHERE c.review IS DISTINCT FROM 'false-alarm'
ORDER BY c.check_name, c.subject
LIMIT $2;
