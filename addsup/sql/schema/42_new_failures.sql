-- The failures of run `run` that run `before` did not have (all of them when `before` is
-- NULL: a first run), by their keys (failure_keys).
CREATE OR REPLACE MACRO new_failures(run, before) AS TABLE
SELECT *
FROM failure_keys(run)
WHERE failure_key NOT IN (SELECT failure_key FROM failure_keys(before));
