INSERT INTO check_results BY NAME
SELECT b.*, r.seq AS made_seq
FROM batch_results AS b
LEFT JOIN runs AS r ON r.run_id = b.run_id;
