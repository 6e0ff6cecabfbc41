-- The tables of extracted rows that still have the primary key older warehouses gave them.
SELECT DISTINCT table_name
FROM duckdb_constraints()
WHERE constraint_type = 'PRIMARY KEY'
  AND database_name = current_database()
  AND table_name IN ('sentences', 'figures', 'relations')
ORDER BY table_name;
