-- One row per magnitude relation: the first side X (each reading of it: "the figures" of a
-- sentence before may point at more than one level) against the second side Y, with the
-- order the text asserts (direction -1: X below Y, +1: X above Y, 0: only comparable, 2: one
-- quantity printed twice, "the same measure for the same period"). The
-- reading kept is one that holds when there is one, else the nearest.
CREATE OR REPLACE VIEW check_magnitude AS
WITH readings AS (
    SELECT r.relation_id, r.article_id, r.sentence_no, r.direction, r.cues, r.b_id,
           unnest(list_prepend(r.a_id, coalesce(r.members, []))) AS x_id
    FROM relations AS r
    JOIN current_articles AS a ON a.article_id = r.article_id
    WHERE r.kind = 'magnitude'
)
SELECT
    rd.relation_id, rd.article_id, rd.sentence_no, rd.direction, rd.cues,
    x.figure_id AS x_id, y.figure_id AS y_id, x.surface AS x_surface, y.surface AS y_surface,
    x.value * x.scale AS x_value, y.value * y.scale AS y_value,
    x.lo AS x_lo, x.hi AS x_hi, y.lo AS y_lo, y.hi AS y_hi, x.currency
FROM readings AS rd
JOIN figures AS x ON x.figure_id = rd.x_id
JOIN figures AS y ON y.figure_id = rd.b_id
QUALIFY row_number() OVER (
    PARTITION BY rd.relation_id
    ORDER BY
        CASE
            WHEN rd.direction = 2 THEN x.lo <= y.hi AND y.lo <= x.hi
            WHEN rd.direction < 0 THEN x.lo <= y.hi
            WHEN rd.direction > 0 THEN x.hi >= y.lo
            ELSE x.hi * 500 >= y.lo AND y.hi * 500 >= x.lo
        END DESC,
        abs(ln(greatest(x.value * x.scale, 1e-9) / greatest(y.value * y.scale, 1e-9))),
        x.start_char DESC
) = 1;
