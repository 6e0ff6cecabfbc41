SELECT count(*),
       count(*) FILTER (WHERE status = 'fail'),
       count(*) FILTER (WHERE status = 'fail' AND severity = 'error'),
       count(*) FILTER (WHERE status = 'fail' AND severity = 'warning')
FROM check_results
WHERE run_id = ?;
