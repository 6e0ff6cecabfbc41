SELECT * FROM check_growth ORDER BY relation_id;
