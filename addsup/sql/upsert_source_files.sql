INSERT INTO source_files
SELECT source, size, mtime_ns, now()::TIMESTAMP FROM batch_files
ON CONFLICT (source) DO UPDATE
SET size = excluded.size, mtime_ns = excluded.mtime_ns, seen_at = excluded.seen_at;
