SELECT run_id, started_at, finished_at, status, articles_seen, articles_new, figures_total,
       checks_run, failures, errors, warnings, quarantined, unchanged_since, new_failures,
       reviewed, confirmed
FROM runs
WHERE NOT starts_with(run_id, 'check-')
ORDER BY started_at DESC
LIMIT ?;
