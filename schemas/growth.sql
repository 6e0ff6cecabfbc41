-- One row per growth relation: the stated growth (signed by its direction) and the growth
-- the two levels imply, both in percent; without a previous level, the one implied. A
-- multiple ("162 times") is a ratio, or after a verb of change ("rose 1.4 times") an
-- increase where only that reading fits: ``reading`` names the one used.
CREATE OR REPLACE VIEW check_growth AS
WITH base AS (
    SELECT
        r.relation_id, r.article_id, r.sentence_no, r.direction,
        g.figure_id AS growth_id, c.figure_id AS current_id, p.figure_id AS previous_id,
        g.surface AS growth_surface, c.surface AS current_surface, p.surface AS previous_surface,
        coalesce(c.currency, p.currency) AS currency,
        coalesce(c.unit, p.unit) AS level_unit,
        coalesce(g.unit = 'multiple' OR g.noun IN ('times', 'fold'), false) AS multiple,
        r.phrase AS cue, r.cues,
        CASE WHEN r.direction < 0 THEN -g.hi ELSE g.lo END AS printed_lo,
        CASE WHEN r.direction < 0 THEN -g.lo ELSE g.hi END AS printed_hi,
        c.value * c.scale AS current_value, p.value * p.scale AS previous_value,
        c.lo AS current_lo, c.hi AS current_hi, p.lo AS previous_lo, p.hi AS previous_hi,
        c.period_start, c.period_end,
        -- sentences between the rate and its farthest level (a link across them is a reading)
        greatest(coalesce(abs(c.sentence_no - g.sentence_no), 0),
                 coalesce(abs(p.sentence_no - g.sentence_no), 0)) AS reach
    FROM relations AS r
    JOIN current_articles AS a ON a.article_id = r.article_id
    JOIN figures AS g ON g.figure_id = r.stated_id
    LEFT JOIN figures AS c ON c.figure_id = r.a_id
    LEFT JOIN figures AS p ON p.figure_id = r.b_id
    WHERE r.kind = 'growth'
),
implied AS (
    SELECT
        *,
        growth_implied(current_lo, current_hi, previous_lo, previous_hi).lo AS implied_lo,
        growth_implied(current_lo, current_hi, previous_lo, previous_hi).hi AS implied_hi
    FROM base
),
-- a multiple is read as a ratio ("162 times the" level: x162) and, after a verb of change
-- ("up 1.4 times"), also as an increase (x2.4): the reading that fits is kept
read AS (
    SELECT
        *,
        CASE
            WHEN NOT multiple THEN NULL
            WHEN cue IS DISTINCT FROM 'times the' AND implied_lo IS NOT NULL
                AND 100 * printed_lo <= implied_hi AND implied_lo <= 100 * printed_hi
                AND NOT (100 * (printed_lo - 1) <= implied_hi AND implied_lo <= 100 * (printed_hi - 1))
                THEN 'increase'
            ELSE 'ratio'
        END AS reading
    FROM implied
),
stated AS (
    -- a ratio of m is a growth of 100 x (m - 1) percent, an increase of m one of 100 x m
    SELECT
        * EXCLUDE (printed_lo, printed_hi),
        CASE reading WHEN 'ratio' THEN 100 * (printed_lo - 1) WHEN 'increase' THEN 100 * printed_lo
             ELSE printed_lo END AS stated_lo,
        CASE reading WHEN 'ratio' THEN 100 * (printed_hi - 1) WHEN 'increase' THEN 100 * printed_hi
             ELSE printed_hi END AS stated_hi
    FROM read
)
SELECT
    *,
    CASE WHEN stated_hi > -100 THEN current_lo / (1 + stated_hi / 100) END AS implied_previous_lo,
    CASE WHEN stated_lo > -100 THEN current_hi / (1 + stated_lo / 100) END AS implied_previous_hi
FROM stated;
