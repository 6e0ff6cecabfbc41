DELETE FROM sentences WHERE article_id IN (SELECT article_id FROM batch_extracted);
