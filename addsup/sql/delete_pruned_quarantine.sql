-- A quarantine row last seen by a pruned run: a later run that met the input again would
-- have made itself its last run.
DELETE FROM quarantine WHERE last_run_id IN (SELECT run_id FROM pruned_runs);
