-- The failure of run $1 whose key is $2 (finding_keys), with its article and sentence.
SELECT f.key, f.check_name, f.severity, a.source, a.title, f.message,
       sentence_text(a.title, a.text, s.start_char, s.end_char) AS sentence
FROM finding_keys($1, NULL, 0, 0) AS f
LEFT JOIN articles AS a ON a.article_id = f.article_id
LEFT JOIN sentences AS s ON s.article_id = f.article_id AND s.sentence_no = f.sentence_no
WHERE f.key = $2;
