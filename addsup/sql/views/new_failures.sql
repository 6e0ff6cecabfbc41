-- The failures of run `run` that run `before` did not have (all of them when `before` is
-- NULL: a first run), by their keys (finding_keys). With `delta`, an incremental run whose
-- previous run is `before` (or, for the failures fixed, `run`: the arguments swapped), only
-- what `delta` decided is compared (its rows against the rows it retired): the failures it
-- carries are in both runs (addsup/report/history.py says when that holds).
CREATE OR REPLACE MACRO new_failures(run, before, delta := NULL) AS TABLE
SELECT *
FROM finding_keys(run, NULL, 0, 0)
WHERE delta IS NULL
  AND key NOT IN (SELECT key FROM finding_keys(before, NULL, 0, 0))
UNION ALL
SELECT *
FROM finding_keys(delta, NULL, 0, 0, part := CASE WHEN delta = run THEN 'made' ELSE 'retired' END)
WHERE delta IS NOT NULL
  AND key NOT IN (
      SELECT key
      FROM finding_keys(delta, NULL, 0, 0,
                        part := CASE WHEN delta = run THEN 'retired' ELSE 'made' END)
  );
