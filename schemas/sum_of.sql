-- One row per listed parts and their total: the sum of the parts as an interval.
-- exhaustive = 1: the parts make up the total; 0: they are some of it (sum <= total).
-- reach: sentences between the total and its farthest part (a failure across sentences is
-- the linker's reading: a warning).
-- The parts are summed per relation first, then joined to the total (half the time of
-- grouping by every column at 10M figures).
CREATE OR REPLACE VIEW check_sum_of AS
WITH parts AS (
    SELECT r.relation_id,
           sum(p.lo) AS implied_lo, sum(p.hi) AS implied_hi, sum(p.value * p.scale) AS parts_value,
           list(p.surface ORDER BY p.start_char) AS part_surfaces,
           list(p.figure_id ORDER BY p.start_char) AS part_ids,
           max(p.sentence_no) AS last_part_sentence, min(p.sentence_no) AS first_part_sentence
    FROM relations AS r
    CROSS JOIN unnest(r.members) AS m(part_id)
    JOIN figures AS p ON p.figure_id = m.part_id
    WHERE r.kind = 'sum_of'
    GROUP BY r.relation_id
)
SELECT r.relation_id, r.article_id, r.sentence_no, r.direction AS exhaustive,
       t.figure_id AS total_id, t.surface AS total_surface, t.currency,
       t.lo AS stated_lo, t.hi AS stated_hi,
       parts.implied_lo, parts.implied_hi, parts.parts_value, parts.part_surfaces, parts.part_ids,
       r.cues,
       greatest(abs(parts.last_part_sentence - t.sentence_no),
                abs(parts.first_part_sentence - t.sentence_no)) AS reach
FROM relations AS r
JOIN current_articles AS a ON a.article_id = r.article_id
JOIN figures AS t ON t.figure_id = r.stated_id
JOIN parts ON parts.relation_id = r.relation_id
WHERE r.kind = 'sum_of';
