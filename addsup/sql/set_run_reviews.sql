-- The review counts of run $4 for the run-history chart: new failures, false alarms, confirmed.
UPDATE runs SET new_failures = $1, reviewed = $2, confirmed = $3 WHERE run_id = $4;
