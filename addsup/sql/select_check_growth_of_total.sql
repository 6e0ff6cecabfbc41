SELECT * FROM check_growth_of_total ORDER BY relation_id;
