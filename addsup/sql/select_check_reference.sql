SELECT * FROM check_reference ORDER BY derived_id, stat_id;
