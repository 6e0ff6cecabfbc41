-- The size and modification time of the reviews file when `reviews` was copied from it.
CREATE TABLE IF NOT EXISTS reviews_file (signature VARCHAR);
