SELECT * FROM check_shares_of_one_whole ORDER BY article_id, whole_key;
