-- The findings of a run, each with its key: a short name (ten hex digits) that survives
-- reruns, re-extraction and edits elsewhere in the article. It is made of the check, where the
-- finding is (the article's URL, else its source path; a table row's subject), the surfaces
-- of its figures in order and the text of its sentence: never of row ids, run ids, the hash
-- of the article's text or sentence numbers, which an edit anywhere changes. Findings that
-- share all of that are numbered (-2, -3 ...) in the order of their figures in the article
-- (failures first), so keys are unique within what is asked: the first `fails` failures, the
-- first `skips` skips and the first `passes` passes (NULL: all; ordered as reports list them).
-- `part`: 'all' the findings the run has (carried ones included); 'made' only those it
-- decided; 'retired' those of earlier runs it decided again (what an incremental run changed,
-- read without reading the findings it carries). `after`: only the passes after this one in
-- the order they are chosen in (a struct c, an, a, sn, s, j: check, article id null, article
-- id, sentence null, sentence, subject), to read the next passes of a report.
-- (Made after the tables and their migrations: a macro binds the columns it reads when it is
-- made.)
CREATE OR REPLACE MACRO finding_keys(run, fails, skips, passes, part := 'all', after := NULL)
AS TABLE
WITH source AS (
    SELECT * FROM run_findings WHERE part = 'all' AND for_run = run
    UNION ALL
    SELECT r.run_id AS for_run, c.*
    FROM check_results AS c
    JOIN runs AS r ON r.run_id = run
    WHERE part <> 'all'
      AND ((part = 'made' AND c.made_seq = r.seq)
           OR (part = 'retired' AND c.until_seq = r.seq - 1))
),
chosen AS (
    (SELECT * FROM source WHERE status = 'fail'
     ORDER BY check_name, article_id, sentence_no, subject LIMIT fails)
    UNION ALL
    (SELECT * FROM source WHERE status = 'skip'
     ORDER BY check_name, article_id, sentence_no, subject LIMIT skips)
    UNION ALL
    (SELECT * FROM source WHERE status = 'pass'
       AND (after IS NULL OR {'c': check_name, 'an': article_id IS NULL,
                              'a': coalesce(article_id, ''), 'sn': sentence_no IS NULL,
                              's': coalesce(sentence_no, 0), 'j': subject} > after)
     ORDER BY check_name, article_id, sentence_no, subject LIMIT passes)
),
ids AS (
    SELECT check_name, subject,
           unnest(figure_ids) AS figure_id, unnest(range(len(figure_ids))) AS pos
    FROM chosen
),
surfaces AS (
    SELECT i.check_name, i.subject,
           string_agg(coalesce(g.surface, i.figure_id), '|' ORDER BY i.pos) AS surfaces,
           list(g.start_char ORDER BY i.pos) AS starts
    FROM ids AS i
    LEFT JOIN figures AS g ON g.figure_id = i.figure_id
    GROUP BY i.check_name, i.subject
),
based AS (
    SELECT c.*, a.source AS article, a.title, s.surfaces, s.starts,
           substr(md5(concat_ws(chr(31), c.check_name, coalesce(nullif(a.url, ''), a.source,
               c.subject), coalesce(s.surfaces, ''),
               coalesce(sentence_text(a.title, a.text, t.start_char, t.end_char), ''))),
               1, 10) AS base
    FROM chosen AS c
    LEFT JOIN articles AS a ON a.article_id = c.article_id
    LEFT JOIN sentences AS t ON t.article_id = c.article_id AND t.sentence_no = c.sentence_no
    LEFT JOIN surfaces AS s ON s.check_name = c.check_name AND s.subject = c.subject
)
SELECT * EXCLUDE (base, starts),
       base || CASE WHEN n > 1 THEN '-' || n ELSE '' END AS key
FROM (
    SELECT *, row_number() OVER (PARTITION BY base ORDER BY status, starts, subject) AS n
    FROM based
);
