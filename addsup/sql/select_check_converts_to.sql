SELECT * FROM check_converts_to ORDER BY relation_id;
