UPDATE runs SET finished_at = (now() AT TIME ZONE 'UTC'), status = 'failed'
WHERE run_id = ? AND status = 'running';
