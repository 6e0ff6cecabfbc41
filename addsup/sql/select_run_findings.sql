-- The findings of a run: the first failures, skips and passes (by check, article, sentence),
-- as many of each as the second, third and fourth parameters (NULL: all of them), with their
-- key and review (reviewed_findings), article and sentence, and whether a failure is new
-- since the fifth parameter's run (a false alarm never is; the sixth: the run, when what it
-- changed is all that changed since then: new_failures). With a seventh (the run's seq), only
-- the rows the run made itself; with an eighth, only the passes after that one in the order
-- they are chosen in (finding_keys' `after`).
WITH new AS (SELECT check_name, subject FROM new_failures($1, $5, delta := $6))
SELECT
    c.check_name, c.severity, c.status, c.subject, c.article_id, c.sentence_no, c.figure_ids,
    c.stated_lo, c.stated_hi, c.implied_lo, c.implied_hi, c.tolerance, c.message,
    a.source, a.title, a.published_on, a.url, a.body_offset,
    s.start_char AS sentence_start,
    sentence_text(a.title, a.text, s.start_char, s.end_char) AS sentence,
    n.subject IS NOT NULL AND c.review IS DISTINCT FROM 'false-alarm' AS new,
    c.key, c.review, c.review_note, c.review_by, c.review_at
FROM reviewed_findings($1, $2, $3, $4,
                       part := CASE WHEN $7 IS NULL THEN 'all' ELSE 'made' END, after := $8) AS c
LEFT JOIN articles AS a ON a.article_id = c.article_id
LEFT JOIN sentences AS s ON s.article_id = c.article_id AND s.sentence_no = c.sentence_no
LEFT JOIN new AS n ON n.check_name = c.check_name AND n.subject = c.subject
ORDER BY c.status, c.check_name, a.source, c.sentence_no, c.subject;
