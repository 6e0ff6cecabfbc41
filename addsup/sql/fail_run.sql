UPDATE runs SET finished_at = now()::TIMESTAMP, status = 'failed'
WHERE run_id = ? AND status = 'running';
