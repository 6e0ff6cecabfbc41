INSERT INTO figures BY NAME SELECT * FROM batch_figures;
