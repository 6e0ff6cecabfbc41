SELECT * FROM check_share_of ORDER BY relation_id;
