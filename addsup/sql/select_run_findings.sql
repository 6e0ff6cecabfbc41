-- The findings of a run: the first failures, skips and passes (by check, article, sentence),
-- as many of each as the second, third and fourth parameters (NULL: all of them), with their
-- article and sentence, and whether a failure is new since the fifth parameter's run (the
-- sixth: the run, when what it changed is all that changed since then: new_failures). With a
-- seventh (the run's seq), only the rows the run made itself; with an eighth, only the passes
-- after that one in the order they are chosen in (check, article id, sentence, subject: a
-- struct c, an, a, sn, s, j, NULL article ids and sentences last as in ORDER BY).
WITH chosen AS (
    (SELECT * FROM run_findings WHERE for_run = $1 AND status = 'fail'
       AND ($7 IS NULL OR made_seq = $7)
     ORDER BY check_name, article_id, sentence_no, subject LIMIT $2)
    UNION ALL
    (SELECT * FROM run_findings WHERE for_run = $1 AND status = 'skip'
       AND ($7 IS NULL OR made_seq = $7)
     ORDER BY check_name, article_id, sentence_no, subject LIMIT $3)
    UNION ALL
    (SELECT * FROM run_findings WHERE for_run = $1 AND status = 'pass'
       AND ($7 IS NULL OR made_seq = $7)
       AND ($8 IS NULL OR {'c': check_name, 'an': article_id IS NULL, 'a': coalesce(article_id, ''),
                           'sn': sentence_no IS NULL, 's': coalesce(sentence_no, 0),
                           'j': subject} > $8)
     ORDER BY check_name, article_id, sentence_no, subject LIMIT $4)
),
new AS (SELECT check_name, subject FROM new_failures($1, $5, delta := $6))
SELECT
    c.check_name, c.severity, c.status, c.subject, c.article_id, c.sentence_no, c.figure_ids,
    c.stated_lo, c.stated_hi, c.implied_lo, c.implied_hi, c.tolerance, c.message,
    a.source, a.title, a.published_on, a.url, a.body_offset,
    s.start_char AS sentence_start,
    substr(a.text, s.start_char + 1, s.end_char - s.start_char) AS sentence,
    n.subject IS NOT NULL AS new
FROM chosen AS c
LEFT JOIN articles AS a ON a.article_id = c.article_id
LEFT JOIN sentences AS s ON s.article_id = c.article_id AND s.sentence_no = c.sentence_no
LEFT JOIN new AS n ON n.check_name = c.check_name AND n.subject = c.subject
ORDER BY c.status, c.check_name, a.source, c.sentence_no, c.subject;
