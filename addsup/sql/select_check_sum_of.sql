SELECT * FROM check_sum_of ORDER BY relation_id;
