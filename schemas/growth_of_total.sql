-- One row per growth_of_total relation: the previous total the parts imply (each level
-- over one plus its rate, or less its change in money, signed: + for a part of a total, exports - imports for a
-- surplus, imports - exports for a deficit), against what the article states, all in
-- intervals. form 'rate': the stated total over it, less one, against the stated rate (in
-- percent); 'change': the stated total less it against the stated change in money;
-- 'level': it against a stated earlier total ("up from $42.8 billion in August").
-- A member whose second sign is 0 pairs a level with its own earlier level ("$112.17
-- billion vs $110.06 billion a year ago"): the earlier level itself goes into the sum.
CREATE OR REPLACE VIEW check_growth_of_total AS
WITH members AS (
    SELECT r.relation_id,
           unnest(r.members) AS figure_id,
           unnest(r.signs) AS sign,
           unnest(generate_series(0, len(r.members) - 1)) AS k
    FROM relations AS r
    WHERE r.kind = 'growth_of_total'
),
pairs AS (
    SELECT l.relation_id, l.k // 2 AS part, l.sign AS level_sign,
           lf.figure_id AS level_id, lf.surface AS level_surface,
           lf.lo AS level_lo, lf.hi AS level_hi, lf.value * lf.scale AS level_value,
           gf.figure_id AS rate_id, gf.surface AS rate_surface, gf.unit = 'percent' AS is_rate,
           g.sign = 0 AS is_earlier,
           (CASE WHEN g.sign < 0 THEN -gf.hi ELSE gf.lo END)
               / (CASE WHEN gf.unit = 'percent' THEN 100 ELSE 1 END) AS rate_lo,
           (CASE WHEN g.sign < 0 THEN -gf.lo ELSE gf.hi END)
               / (CASE WHEN gf.unit = 'percent' THEN 100 ELSE 1 END) AS rate_hi,
           CASE WHEN g.sign = 0 THEN gf.value * gf.scale
                ELSE g.sign * gf.value * (CASE WHEN gf.unit = 'percent' THEN 0.01 ELSE gf.scale END)
           END AS rate_value
    FROM members AS l
    JOIN members AS g ON g.relation_id = l.relation_id AND g.k = l.k + 1
    JOIN figures AS lf ON lf.figure_id = l.figure_id
    JOIN figures AS gf ON gf.figure_id = g.figure_id
    WHERE l.k % 2 = 0
),
previous AS (
    SELECT relation_id,
           bool_and(NOT is_rate OR rate_lo > -1) AS computable,
           bool_and(level_sign > 0) AS is_total,
           bool_and(CASE WHEN is_earlier THEN level_lo > rate_hi ELSE rate_lo > 0 END) AS all_rose,
           bool_and(CASE WHEN is_earlier THEN level_hi < rate_lo ELSE rate_hi < 0 END) AS all_fell,
           sum(CASE WHEN is_earlier AND level_sign > 0 THEN rate_lo
                    WHEN is_earlier THEN -rate_hi
                    WHEN NOT is_rate AND level_sign > 0 THEN level_lo - rate_hi
                    WHEN NOT is_rate THEN rate_lo - level_hi
                    WHEN level_sign > 0 THEN level_lo / (1 + rate_hi)
                    ELSE -level_hi / (1 + rate_lo) END) AS previous_lo,
           sum(CASE WHEN is_earlier AND level_sign > 0 THEN rate_hi
                    WHEN is_earlier THEN -rate_lo
                    WHEN NOT is_rate AND level_sign > 0 THEN level_hi - rate_lo
                    WHEN NOT is_rate THEN rate_hi - level_lo
                    WHEN level_sign > 0 THEN level_hi / (1 + rate_lo)
                    ELSE -level_lo / (1 + rate_hi) END) AS previous_hi,
           sum(level_sign * CASE WHEN is_earlier THEN rate_value
                                 WHEN is_rate THEN level_value / (1 + rate_value)
                                 ELSE level_value - rate_value END) AS previous_value,
           list(is_rate ORDER BY part) AS rate_is_percent,
           list(is_earlier ORDER BY part) AS rate_is_level,
           list(level_surface ORDER BY part) AS level_surfaces,
           list(level_sign ORDER BY part) AS level_signs,
           list(rate_surface ORDER BY part) AS rate_surfaces,
           list(100 * rate_value ORDER BY part) AS rate_values,
           list(level_id ORDER BY part) AS level_ids,
           list(rate_id ORDER BY part) AS rate_ids
    FROM pairs
    GROUP BY relation_id
)
SELECT r.relation_id, r.article_id, r.sentence_no, r.direction, r.phrase AS cues,
       coalesce(r.readings, 1) AS readings, f.form,
       g.figure_id AS growth_id, g.surface AS growth_surface, g.currency,
       t.figure_id AS total_id, t.surface AS total_surface, t.value * t.scale AS total_value,
       CASE WHEN f.form = 'level' THEN g.lo WHEN r.direction < 0 THEN -g.hi ELSE g.lo END
           AS stated_lo,
       CASE WHEN f.form = 'level' THEN g.hi WHEN r.direction < 0 THEN -g.lo ELSE g.hi END
           AS stated_hi,
       CASE WHEN NOT p.computable THEN NULL
            WHEN f.form = 'level' THEN p.previous_lo
            WHEN f.form = 'change' THEN difference_implied(t.lo, t.hi, p.previous_lo, p.previous_hi).lo
            ELSE growth_implied(t.lo, t.hi, p.previous_lo, p.previous_hi).lo END AS implied_lo,
       CASE WHEN NOT p.computable THEN NULL
            WHEN f.form = 'level' THEN p.previous_hi
            WHEN f.form = 'change' THEN difference_implied(t.lo, t.hi, p.previous_lo, p.previous_hi).hi
            ELSE growth_implied(t.lo, t.hi, p.previous_lo, p.previous_hi).hi END AS implied_hi,
       p.is_total, p.all_rose, p.all_fell, p.previous_lo, p.previous_hi, p.previous_value,
       p.level_surfaces, p.level_signs, p.rate_surfaces, p.rate_values, p.rate_is_percent,
       p.rate_is_level,
       p.level_ids, p.rate_ids
FROM relations AS r
JOIN current_articles AS a ON a.article_id = r.article_id
JOIN figures AS g ON g.figure_id = r.stated_id
LEFT JOIN figures AS t ON t.figure_id = r.a_id
JOIN previous AS p ON p.relation_id = r.relation_id
CROSS JOIN LATERAL (
    SELECT CASE WHEN g.unit = 'percent' THEN 'rate'
                WHEN r.a_id IS NULL THEN 'level'
                ELSE 'change' END AS form
) AS f
WHERE r.kind = 'growth_of_total';
