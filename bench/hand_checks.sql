-- The share, growth, percentage-point and sum checks as one hand-written pass over the
-- warehouse: the baseline that addsup's views + pandera are measured against. Returns the
-- failing rows as (article source, check, stated figure).
WITH rel AS (
    SELECT r.relation_id, r.kind, r.stated_id, r.a_id, r.b_id, r.direction, r.members, s.source
    FROM relations AS r
    JOIN article_sources AS s ON s.article_id = r.article_id
),
share_fail AS (
    SELECT r.source, 'share_of' AS check_name, st.surface
    FROM rel AS r
    JOIN figures AS st ON st.figure_id = r.stated_id
    JOIN figures AS p ON p.figure_id = r.a_id
    JOIN figures AS w ON w.figure_id = r.b_id
    WHERE r.kind = 'share_of' AND w.lo > 0 AND p.currency IS NOT DISTINCT FROM w.currency
      AND NOT (100 * p.lo / w.hi <= st.hi AND st.lo <= 100 * p.hi / w.lo)
),
growth_fail AS (
    SELECT r.source, 'growth', g.surface
    FROM rel AS r
    JOIN figures AS g ON g.figure_id = r.stated_id
    JOIN figures AS c ON c.figure_id = r.a_id
    JOIN figures AS p ON p.figure_id = r.b_id
    WHERE r.kind = 'growth' AND p.lo > 0
      AND NOT (100 * (c.lo / p.hi - 1) <= CASE WHEN r.direction < 0 THEN -g.lo ELSE g.hi END
               AND CASE WHEN r.direction < 0 THEN -g.hi ELSE g.lo END <= 100 * (c.hi / p.lo - 1))
),
gap_fail AS (
    SELECT r.source, 'pp_difference', s.surface
    FROM rel AS r
    JOIN figures AS s ON s.figure_id = r.stated_id
    JOIN figures AS x ON x.figure_id = r.a_id
    JOIN figures AS y ON y.figure_id = r.b_id
    WHERE r.kind = 'pp_difference'
      AND NOT (CASE WHEN r.direction > 0 THEN x.lo - y.hi ELSE y.lo - x.hi END <= s.hi
               AND s.lo <= CASE WHEN r.direction > 0 THEN x.hi - y.lo ELSE y.hi - x.lo END)
),
sum_fail AS (
    SELECT r.source, 'sum_of', t.surface
    FROM rel AS r
    JOIN figures AS t ON t.figure_id = r.stated_id
    CROSS JOIN unnest(r.members) AS m(part_id)
    JOIN figures AS p ON p.figure_id = m.part_id
    WHERE r.kind = 'sum_of'
    GROUP BY r.relation_id, r.source, t.surface, t.lo, t.hi, r.direction
    HAVING CASE WHEN r.direction = 1 THEN NOT (sum(p.lo) <= t.hi AND t.lo <= sum(p.hi))
                ELSE sum(p.lo) > t.hi END
)
SELECT * FROM share_fail
UNION ALL SELECT * FROM growth_fail
UNION ALL SELECT * FROM gap_fail
UNION ALL SELECT * FROM sum_fail;
