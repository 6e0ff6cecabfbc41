SELECT f.figure_id, f.article_id, f.sentence_no, f.start_char, f.end_char, f.surface, f.unit,
       f.currency, f.currency_assumed, f.qualifier, f.period_label, a.source, a.body_offset
FROM figures AS f
JOIN articles AS a ON a.article_id = f.article_id
WHERE f.article_id IN (SELECT unnest(?::VARCHAR[]))
ORDER BY f.article_id, f.start_char;
