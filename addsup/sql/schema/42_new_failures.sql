-- The failures of run `run` that run `before` did not have (all of them when `before` is
-- NULL: a first run), by their keys (finding_keys).
CREATE OR REPLACE MACRO new_failures(run, before) AS TABLE
SELECT *
FROM finding_keys(run, NULL, 0, 0)
WHERE key NOT IN (SELECT key FROM finding_keys(before, NULL, 0, 0));
