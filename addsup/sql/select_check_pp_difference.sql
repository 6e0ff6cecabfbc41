SELECT * FROM check_pp_difference ORDER BY relation_id;
