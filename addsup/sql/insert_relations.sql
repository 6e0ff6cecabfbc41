INSERT INTO relations BY NAME SELECT * FROM batch_relations;
