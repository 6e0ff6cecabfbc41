-- The findings the run $1 decided again (its check and subject): the rows it retired.
SELECT c.check_name, c.subject
FROM check_results AS c
JOIN runs AS r ON r.run_id = $1
WHERE c.until_seq = r.seq - 1;
