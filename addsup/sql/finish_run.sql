UPDATE runs
SET finished_at = (now() AT TIME ZONE 'UTC'), status = ?, articles_seen = ?, articles_new = ?,
    figures_total = ?, checks_run = ?, failures = ?, quarantined = ?, errors = ?, warnings = ?
WHERE run_id = ?;
