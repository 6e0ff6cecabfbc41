-- The failures of run $1 that run $2 did not have, but for those reviewed as false alarms.
SELECT count(*)
FROM new_failures($1, $2) AS n
WHERE n.key NOT IN (SELECT key FROM latest_reviews WHERE verdict = 'false-alarm');
