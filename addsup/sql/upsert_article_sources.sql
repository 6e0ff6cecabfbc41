INSERT INTO article_sources
SELECT source, article_id, now()::TIMESTAMP AS seen_at FROM batch_articles
ON CONFLICT (source) DO UPDATE
SET article_id = excluded.article_id, seen_at = excluded.seen_at
WHERE article_sources.article_id <> excluded.article_id;
