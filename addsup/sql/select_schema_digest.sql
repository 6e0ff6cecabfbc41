-- The digest of the schema last applied (addsup.ddl.apply_schema), kept as the comment of
-- the view current_articles.
SELECT comment FROM duckdb_views() WHERE view_name = 'current_articles' AND comment IS NOT NULL;
