-- The failures of run $1 that run $2 did not have ($3: the run, when what it changed is all
-- that changed since: new_failures), but for those reviewed as false alarms.
SELECT count(*)
FROM new_failures($1, $2, delta := $3) AS n
WHERE n.key NOT IN (SELECT key FROM latest_reviews WHERE verdict = 'false-alarm');
