INSERT INTO runs (run_id, started_at, status, params, seq)
VALUES (?, (now() AT TIME ZONE 'UTC'), 'running', ?, (SELECT coalesce(max(seq), 0) + 1 FROM runs));
