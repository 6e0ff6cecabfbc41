UPDATE articles SET extractor_version = ?
WHERE article_id IN (SELECT article_id FROM batch_extracted);
