SELECT a.article_id, a.source, a.title, a.published_on, a.url, s.sentence_no, s.start_char,
       CASE WHEN s.start_char < 0  -- a headline sentence: offsets counted back from the body
         THEN substr(a.title, length(a.title) + 2 + s.start_char, s.end_char - s.start_char)
         ELSE substr(a.text, s.start_char + 1, s.end_char - s.start_char) END AS sentence
FROM articles AS a
JOIN sentences AS s ON s.article_id = a.article_id
WHERE a.article_id IN (SELECT unnest(?::VARCHAR[]))
ORDER BY a.source, s.sentence_no;
