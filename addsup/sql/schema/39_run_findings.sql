-- (The view as the macros of 41 and 42 first see it; 86 replaces it once check_results
-- has the columns of carried findings.)
-- The findings of each run. A run that found nothing new (runs.unchanged_since) has the
-- findings of the run it points to, which are stored once, under that run.
CREATE OR REPLACE VIEW run_findings AS
SELECT r.run_id AS for_run, c.*
FROM runs AS r
JOIN check_results AS c ON c.run_id = coalesce(r.unchanged_since, r.run_id);
