-- The failures of a run, each with the key that identifies it across runs: its check, where
-- it is (the article's source, or the subject of a table row) and the surfaces of its
-- figures in order, joined by '|'. An article edited elsewhere keeps its failures' keys; one
-- whose wrong figure was corrected loses that failure (addsup/report/history.py).
-- `part`: 'all' the failures the run has (carried ones included); 'made' only those it
-- decided; 'retired' those of earlier runs it decided again (what an incremental run
-- changed, read without reading the failures it carries).
CREATE OR REPLACE MACRO failure_keys(run, part := 'all') AS TABLE
WITH chosen AS (
    SELECT check_name, subject, severity, message, figure_ids, article_id
    FROM run_findings
    WHERE part = 'all' AND for_run = run AND status = 'fail'
    UNION ALL
    SELECT c.check_name, c.subject, c.severity, c.message, c.figure_ids, c.article_id
    FROM check_results AS c
    JOIN runs AS r ON r.run_id = run
    WHERE part <> 'all' AND c.status = 'fail'
      AND ((part = 'made' AND c.made_seq = r.seq)
           OR (part = 'retired' AND c.until_seq = r.seq - 1))
),
failed AS (
    SELECT c.check_name, c.subject, c.severity, c.message, c.figure_ids,
           a.source AS article, a.title
    FROM chosen AS c
    LEFT JOIN articles AS a ON a.article_id = c.article_id
),
ids AS (
    SELECT check_name, subject,
           unnest(figure_ids) AS figure_id, unnest(range(len(figure_ids))) AS pos
    FROM failed
),
surfaces AS (
    SELECT i.check_name, i.subject,
           string_agg(coalesce(g.surface, i.figure_id), '|' ORDER BY i.pos) AS surfaces
    FROM ids AS i
    LEFT JOIN figures AS g ON g.figure_id = i.figure_id
    GROUP BY i.check_name, i.subject
)
SELECT f.*,
       concat_ws('|', f.check_name, coalesce(f.article, f.subject), s.surfaces) AS failure_key
FROM failed AS f
LEFT JOIN surfaces AS s ON s.check_name = f.check_name AND s.subject = f.subject;
