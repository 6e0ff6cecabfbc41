INSERT INTO runs (run_id, started_at, status, params) VALUES (?, (now() AT TIME ZONE 'UTC'), 'running', ?);
