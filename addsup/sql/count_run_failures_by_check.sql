SELECT check_name, count(*) AS failures
FROM run_findings
WHERE for_run = ? AND status = 'fail'
GROUP BY check_name
ORDER BY check_name;
