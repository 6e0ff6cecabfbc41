SELECT source, reason, detail, loaded, first_run_id
FROM quarantine
WHERE last_run_id = ?
ORDER BY loaded, source, reason;
