SELECT article_id FROM articles WHERE extractor_version = ?;
