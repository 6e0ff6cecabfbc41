SELECT a.article_id, a.source, a.title, a.published_on, a.url, s.sentence_no, s.start_char,
       sentence_text(a.title, a.text, s.start_char, s.end_char) AS sentence
FROM articles AS a
JOIN sentences AS s ON s.article_id = a.article_id
WHERE a.article_id IN (SELECT unnest(?::VARCHAR[]))
ORDER BY a.source, s.sentence_no;
