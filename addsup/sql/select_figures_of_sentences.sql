WITH wanted AS (
    -- the sentences (article ids and sentence numbers, in step) and the figures asked for
    SELECT unnest(?::VARCHAR[]) AS article_id, unnest(?::INTEGER[]) AS sentence_no
),
ids AS (SELECT unnest(?::VARCHAR[]) AS figure_id),
picked AS (
    SELECT f.* FROM figures AS f
    SEMI JOIN wanted AS w ON w.article_id = f.article_id AND w.sentence_no = f.sentence_no
    UNION
    SELECT f.* FROM figures AS f SEMI JOIN ids USING (figure_id)
)
SELECT f.figure_id, f.article_id, f.sentence_no, f.start_char, f.end_char, f.surface, f.unit,
       f.currency, f.currency_assumed, f.qualifier, f.period_label, a.source, a.body_offset,
       a.title, a.published_on, a.url
FROM picked AS f
JOIN articles AS a ON a.article_id = f.article_id
ORDER BY f.article_id, f.start_char;
