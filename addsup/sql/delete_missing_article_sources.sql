-- Sources whose file is no longer in the articles folder (deleted, or renamed): their
-- articles leave current_articles, so their findings are no longer reported. A line of a
-- JSON Lines file ("wire.jsonl:3") goes with its file. listed_files: every file of the folder.
DELETE FROM article_sources
WHERE CASE WHEN regexp_matches(source, '\.jsonl:[0-9]+$')
           THEN regexp_replace(source, ':[0-9]+$', '')
           ELSE source END NOT IN (SELECT source FROM listed_files);
