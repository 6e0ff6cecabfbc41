-- One row per balance relation: the parts added as an interval, each times its sign
-- (exports +1, imports -1; total trade +1 and imports -2 where exports are not printed),
-- against the stated surplus (+) or deficit (-), also as an interval.
CREATE OR REPLACE VIEW check_balance AS
WITH members AS (
    SELECT r.relation_id,
           unnest(r.members) AS part_id,
           unnest(r.signs) AS sign,
           unnest(generate_series(1, len(r.members))) AS k
    FROM relations AS r
    WHERE r.kind = 'balance'
),
parts AS (
    SELECT m.relation_id,
           sum(m.sign * CASE WHEN m.sign > 0 THEN p.lo ELSE p.hi END) AS implied_lo,
           sum(m.sign * CASE WHEN m.sign > 0 THEN p.hi ELSE p.lo END) AS implied_hi,
           sum(m.sign * p.value * p.scale) AS parts_value,
           list(p.surface ORDER BY m.k) AS part_surfaces,
           list(m.sign ORDER BY m.k) AS part_signs,
           list(p.figure_id ORDER BY m.k) AS part_ids
    FROM members AS m
    JOIN figures AS p ON p.figure_id = m.part_id
    GROUP BY m.relation_id
)
SELECT r.relation_id, r.article_id, r.sentence_no, r.direction, r.phrase AS cues,
       coalesce(r.readings, 1) AS readings,
       s.figure_id AS stated_id, s.surface AS stated_surface, s.currency,
       CASE WHEN r.direction < 0 THEN -s.hi ELSE s.lo END AS stated_lo,
       CASE WHEN r.direction < 0 THEN -s.lo ELSE s.hi END AS stated_hi,
       r.direction * s.value * s.scale AS stated_value,
       parts.implied_lo, parts.implied_hi, parts.parts_value,
       parts.part_surfaces, parts.part_signs, parts.part_ids
FROM relations AS r
JOIN current_articles AS a ON a.article_id = r.article_id
JOIN figures AS s ON s.figure_id = r.stated_id
JOIN parts ON parts.relation_id = r.relation_id
WHERE r.kind = 'balance';
