-- The base (seq of the last full validation) of the last run that validated, other than
-- the run given, and the run's own seq.
SELECT (SELECT base_seq FROM runs
        WHERE base_seq IS NOT NULL AND run_id <> $1 ORDER BY seq DESC LIMIT 1),
       (SELECT seq FROM runs WHERE run_id = $1);
