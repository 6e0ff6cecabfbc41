INSERT INTO quarantine
SELECT source, reason, content_hash, detail, loaded, ? AS first_run_id, ? AS last_run_id
FROM batch_quarantine
ON CONFLICT (source, reason, content_hash) DO UPDATE SET last_run_id = excluded.last_run_id;
