SELECT count(*) FILTER (WHERE status = 'pass'),
       count(*) FILTER (WHERE status = 'fail'),
       count(*) FILTER (WHERE status = 'skip'),
       count(*) FILTER (WHERE status = 'fail' AND severity = 'error'),
       count(*) FILTER (WHERE status = 'fail' AND severity = 'warning')
FROM run_findings
WHERE for_run = ?;
