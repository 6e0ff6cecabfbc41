INSERT INTO articles
SELECT article_id, source, external_id, title, published_on, url, body_offset, text,
       NULL AS extractor_version, now()::TIMESTAMP AS ingested_at, ? AS first_run_id
FROM batch_articles
ON CONFLICT (article_id) DO UPDATE
SET published_on = coalesce(articles.published_on, excluded.published_on),
    source = excluded.source;  -- the same text back under another name is named by it
