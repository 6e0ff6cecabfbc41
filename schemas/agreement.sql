-- The same metric (subject and measure), unit, currency and period stated or implied in two
-- different articles: one row per pair, the article whose source sorts first on the left.
CREATE OR REPLACE VIEW check_agreement AS
WITH pool AS (
    SELECT f.figure_id AS id, f.article_id, a.source, f.sentence_no, f.surface, f.metric, f.unit,
           f.currency, f.period_start, f.period_end, f.period_label, f.lo, f.hi, false AS derived
    FROM figures AS f
    JOIN current_articles AS a ON a.article_id = f.article_id
    WHERE f.metric IS NOT NULL AND f.period_start IS NOT NULL
    UNION ALL
    SELECT d.derived_id, d.article_id, a.source, d.sentence_no, d.description, d.metric, d.unit,
           d.currency, d.period_start, d.period_end, NULL, d.lo, d.hi, true
    FROM derived_figures AS d
    JOIN current_articles AS a ON a.article_id = d.article_id
    WHERE d.metric IS NOT NULL AND d.period_start IS NOT NULL
)
SELECT
    x.id || '~' || y.id AS pair_id,
    x.article_id, x.sentence_no, y.article_id AS other_article_id,
    y.sentence_no AS other_sentence_no,
    x.id AS a_id, y.id AS b_id, x.surface AS a_surface, y.surface AS b_surface,
    x.derived AS a_derived, y.derived AS b_derived,
    x.metric, x.unit, x.currency, x.period_start, x.period_end, x.period_label,
    x.lo AS stated_lo, x.hi AS stated_hi, y.lo AS implied_lo, y.hi AS implied_hi
FROM pool AS x
JOIN pool AS y
  ON x.metric = y.metric
 AND x.unit = y.unit
 AND x.currency IS NOT DISTINCT FROM y.currency
 AND x.period_start = y.period_start
 AND x.period_end = y.period_end
 AND x.source < y.source;
