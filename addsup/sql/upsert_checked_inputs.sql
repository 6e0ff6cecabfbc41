INSERT OR REPLACE INTO checked_inputs (kind, digest) VALUES (?, ?);
