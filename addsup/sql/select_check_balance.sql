SELECT * FROM check_balance ORDER BY relation_id;
