SELECT * FROM check_agreement ORDER BY pair_id;
