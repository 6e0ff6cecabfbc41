-- One row per share_of relation of a current article: the stated share and the
-- share implied by part / whole, both as intervals (percent). Where the whole is
-- unstated, implied_whole_* is the whole that part / share implies. ``reach``: a link
-- across sentences is the linker's reading, and its failure a warning.
CREATE OR REPLACE VIEW check_share_of AS
SELECT
    r.relation_id,
    r.article_id,
    r.sentence_no,
    r.phrase,
    r.cues,
    r.metric,
    s.period_start,
    s.period_end,
    s.figure_id AS share_id,
    p.figure_id AS part_id,
    w.figure_id AS whole_id,
    s.surface AS share_surface,
    p.surface AS part_surface,
    w.surface AS whole_surface,
    p.unit AS part_unit,
    s.value AS share_value,
    p.value * p.scale AS part_value,
    w.value * w.scale AS whole_value,
    s.lo AS stated_lo,
    s.hi AS stated_hi,
    p.lo AS part_lo,
    p.hi AS part_hi,
    w.lo AS whole_lo,
    w.hi AS whole_hi,
    p.currency AS part_currency,
    w.currency AS whole_currency,
    share_implied(p.lo, p.hi, w.lo, w.hi).lo AS implied_lo,
    share_implied(p.lo, p.hi, w.lo, w.hi).hi AS implied_hi,
    CASE WHEN s.lo > 0 THEN 100 * p.lo / s.hi END AS implied_whole_lo,
    CASE WHEN s.lo > 0 THEN 100 * p.hi / s.lo END AS implied_whole_hi,
    -- sentences between the share and the farthest figure linked to it (0: one sentence)
    greatest(abs(p.sentence_no - s.sentence_no), coalesce(abs(w.sentence_no - s.sentence_no), 0))
        AS reach
FROM relations AS r
JOIN current_articles AS a ON a.article_id = r.article_id
JOIN figures AS s ON s.figure_id = r.stated_id
JOIN figures AS p ON p.figure_id = r.a_id
LEFT JOIN figures AS w ON w.figure_id = r.b_id
WHERE r.kind = 'share_of';
