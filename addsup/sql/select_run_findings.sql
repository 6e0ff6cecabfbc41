WITH chosen AS (
    -- every failure and skip, and the first passes (as many as the second parameter)
    (SELECT * FROM run_findings WHERE for_run = ? AND status <> 'pass')
    UNION ALL
    (SELECT * FROM run_findings WHERE for_run = ? AND status = 'pass'
     ORDER BY check_name, article_id, sentence_no, subject LIMIT ?)
)
SELECT
    c.check_name, c.severity, c.status, c.subject, c.article_id, c.sentence_no, c.figure_ids,
    c.stated_lo, c.stated_hi, c.implied_lo, c.implied_hi, c.tolerance, c.message,
    a.source, a.title, a.published_on, a.body_offset,
    s.start_char AS sentence_start,
    substr(a.text, s.start_char + 1, s.end_char - s.start_char) AS sentence
FROM chosen AS c
LEFT JOIN articles AS a ON a.article_id = c.article_id
LEFT JOIN sentences AS s ON s.article_id = c.article_id AND s.sentence_no = c.sentence_no
ORDER BY c.status, c.check_name, a.source, c.sentence_no, c.subject;
