SELECT run_id, started_at, finished_at, status, params, articles_seen, articles_new,
       figures_total, checks_run, failures, quarantined
FROM runs
WHERE run_id = ?;
