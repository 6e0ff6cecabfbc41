DELETE FROM check_results WHERE run_id IN (SELECT run_id FROM pruned_runs);
