SELECT count(*) FROM articles
WHERE extractor_version IS NOT NULL
  AND article_id IN (SELECT article_id FROM batch_extracted);
