-- The articles extracted by this extractor version ($1) that the given files ($2, sources
-- of files read in full before) held when last read; a line of a JSON Lines file is
-- recorded as "feed.jsonl:3".
SELECT DISTINCT s.article_id
FROM article_sources AS s
JOIN articles AS a USING (article_id)
WHERE a.extractor_version = $1
  AND regexp_replace(s.source, ':[0-9]+$', '') IN (SELECT unnest($2::VARCHAR[]));
