INSERT INTO check_results BY NAME SELECT * FROM batch_results;
