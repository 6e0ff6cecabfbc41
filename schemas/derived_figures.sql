-- Figures an article implies without stating them: the whole of a share, the other side
-- of a percentage-point gap, the level before a growth. Each with the sentence it comes
-- from (context, for matching reference data) and a metric key where one could be read.
CREATE OR REPLACE VIEW derived_figures AS
WITH derived AS (
    SELECT relation_id || ':whole' AS derived_id, relation_id, article_id, sentence_no,
           'share_of' AS kind, phrase AS description, metric, part_unit AS unit,
           part_currency AS currency, implied_whole_lo AS lo, implied_whole_hi AS hi,
           period_start, period_end
    FROM check_share_of
    WHERE whole_id IS NULL AND implied_whole_lo IS NOT NULL
    UNION ALL
    SELECT relation_id || ':other', relation_id, article_id, sentence_no,
           'pp_difference', phrase, metric, 'percent', NULL, implied_other_lo, implied_other_hi,
           period_start, period_end
    FROM check_pp_difference
    WHERE b_id IS NULL
    UNION ALL
    SELECT relation_id || ':previous', relation_id, article_id, sentence_no,
           'growth', 'the level before ' || current_surface, NULL, level_unit, currency,
           implied_previous_lo, implied_previous_hi, NULL, NULL
    FROM check_growth
    WHERE previous_id IS NULL AND current_id IS NOT NULL AND implied_previous_lo IS NOT NULL
)
SELECT
    d.*,
    sentence_text(a.title, a.text, s.start_char, s.end_char) AS context
FROM derived AS d
JOIN articles AS a ON a.article_id = d.article_id
JOIN sentences AS s ON s.article_id = d.article_id AND s.sentence_no = d.sentence_no;
