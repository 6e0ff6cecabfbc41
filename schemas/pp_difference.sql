-- One row per percentage-point gap: the stated gap and the gap a - b (higher) or b - a
-- (lower) of the two rates; without the other rate, the one implied.
CREATE OR REPLACE VIEW check_pp_difference AS
WITH base AS (
    SELECT
        r.relation_id, r.article_id, r.sentence_no, r.direction, r.phrase, r.metric, r.cues,
        s.figure_id AS gap_id, x.figure_id AS a_id, y.figure_id AS b_id,
        s.surface AS gap_surface, x.surface AS a_surface, y.surface AS b_surface,
        s.lo AS stated_lo, s.hi AS stated_hi,
        x.value AS a_value, y.value AS b_value,
        x.lo AS a_lo, x.hi AS a_hi, y.lo AS b_lo, y.hi AS b_hi,
        x.period_start, x.period_end
    FROM relations AS r
    JOIN current_articles AS a ON a.article_id = r.article_id
    JOIN figures AS s ON s.figure_id = r.stated_id
    JOIN figures AS x ON x.figure_id = r.a_id
    LEFT JOIN figures AS y ON y.figure_id = r.b_id
    WHERE r.kind = 'pp_difference'
)
SELECT
    *,
    CASE WHEN direction > 0 THEN difference_implied(a_lo, a_hi, b_lo, b_hi).lo
         ELSE difference_implied(b_lo, b_hi, a_lo, a_hi).lo END AS implied_lo,
    CASE WHEN direction > 0 THEN difference_implied(a_lo, a_hi, b_lo, b_hi).hi
         ELSE difference_implied(b_lo, b_hi, a_lo, a_hi).hi END AS implied_hi,
    CASE WHEN direction > 0 THEN a_lo - stated_hi ELSE a_lo + stated_lo END AS implied_other_lo,
    CASE WHEN direction > 0 THEN a_hi - stated_lo ELSE a_hi + stated_hi END AS implied_other_hi
FROM base;
