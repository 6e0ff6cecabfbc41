SELECT figure_id, article_id, sentence_no, start_char, end_char, surface, unit, currency,
       currency_assumed, qualifier, period_label
FROM figures
WHERE article_id IN (SELECT unnest(?::VARCHAR[]))
ORDER BY article_id, start_char;
