SELECT * FROM check_magnitude ORDER BY relation_id;
