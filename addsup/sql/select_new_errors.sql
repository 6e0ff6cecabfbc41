-- The error-severity failures of run $1 that run $2 did not have (new_failures), leaving out
-- those reviewed as false alarms (reviewed_findings): the newest articles first, the first $3,
-- each with its article, sentence and the count of all of them.
WITH new AS (SELECT key FROM new_failures($1, $2))
SELECT f.key, f.check_name, f.message, a.title, a.source, a.published_on,
       sentence_text(a.title, a.text, s.start_char, s.end_char) AS sentence,
       count(*) OVER () AS total
FROM reviewed_findings($1, NULL, 0, 0) AS f
JOIN new AS n ON n.key = f.key
LEFT JOIN articles AS a ON a.article_id = f.article_id
LEFT JOIN sentences AS s ON s.article_id = f.article_id AND s.sentence_no = f.sentence_no
WHERE f.severity = 'error' AND f.review IS DISTINCT FROM 'false-alarm'
ORDER BY a.published_on DESC NULLS LAST, f.key
LIMIT $3;
