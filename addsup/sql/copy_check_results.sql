INSERT INTO check_results
SELECT * REPLACE (?::VARCHAR AS run_id) FROM check_results WHERE run_id = ?;
