-- Shares of one whole (a whole of the same value, or the same unstated one) in one article:
-- together they cannot be more than 100 percent. ``reach``: the sentences they span (shares
-- of one whole in several sentences may be two breakdowns of it, by product and by market).
CREATE OR REPLACE VIEW check_shares_of_one_whole AS
SELECT
    r.article_id,
    coalesce(
        w.value * w.scale || ' ' || w.unit || coalesce(' ' || w.currency, ''), lower(r.phrase)
    ) AS whole_key,
    min(r.sentence_no) AS sentence_no,
    max(r.sentence_no) - min(r.sentence_no) AS reach,
    count(*) AS shares,
    sum(s.lo) AS stated_lo,
    sum(s.hi) AS stated_hi,
    list(s.surface ORDER BY s.start_char) AS share_surfaces,
    list(s.figure_id ORDER BY s.start_char) AS share_ids
FROM relations AS r
JOIN current_articles AS a ON a.article_id = r.article_id
JOIN figures AS s ON s.figure_id = r.stated_id
LEFT JOIN figures AS w ON w.figure_id = r.b_id
WHERE r.kind = 'share_of' AND coalesce(r.b_id, r.phrase) IS NOT NULL
GROUP BY r.article_id, whole_key
HAVING count(*) >= 2;
