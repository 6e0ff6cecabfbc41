INSERT INTO sentences BY NAME SELECT * FROM batch_sentences;
