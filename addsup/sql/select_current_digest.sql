-- What the checks read: which articles are current, and what extracted them.
SELECT md5(coalesce(string_agg(article_id || ':' || coalesce(extractor_version, ''), ','
                               ORDER BY article_id), ''))
FROM current_articles;
