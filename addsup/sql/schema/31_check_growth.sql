-- One row per growth relation: the stated growth (signed by its direction) and the growth
-- the two levels imply, both in percent; without a previous level, the one implied.
CREATE OR REPLACE VIEW check_growth AS
WITH base AS (
    SELECT
        r.relation_id, r.article_id, r.sentence_no, r.direction,
        g.figure_id AS growth_id, c.figure_id AS current_id, p.figure_id AS previous_id,
        g.surface AS growth_surface, c.surface AS current_surface, p.surface AS previous_surface,
        coalesce(c.currency, p.currency) AS currency,
        coalesce(c.unit, p.unit) AS level_unit,
        CASE WHEN r.direction < 0 THEN -g.hi ELSE g.lo END AS stated_lo,
        CASE WHEN r.direction < 0 THEN -g.lo ELSE g.hi END AS stated_hi,
        c.value * c.scale AS current_value, p.value * p.scale AS previous_value,
        c.lo AS current_lo, c.hi AS current_hi, p.lo AS previous_lo, p.hi AS previous_hi,
        c.period_start, c.period_end
    FROM relations AS r
    JOIN current_articles AS a ON a.article_id = r.article_id
    JOIN figures AS g ON g.figure_id = r.stated_id
    LEFT JOIN figures AS c ON c.figure_id = r.a_id
    LEFT JOIN figures AS p ON p.figure_id = r.b_id
    WHERE r.kind = 'growth'
)
SELECT
    *,
    CASE WHEN previous_lo > 0 THEN 100 * (current_lo / previous_hi - 1) END AS implied_lo,
    CASE WHEN previous_lo > 0 THEN 100 * (current_hi / previous_lo - 1) END AS implied_hi,
    CASE WHEN stated_hi > -100 THEN current_lo / (1 + stated_hi / 100) END AS implied_previous_lo,
    CASE WHEN stated_lo > -100 THEN current_hi / (1 + stated_lo / 100) END AS implied_previous_hi
FROM base;
