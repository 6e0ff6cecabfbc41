SELECT article_id, source FROM articles;
