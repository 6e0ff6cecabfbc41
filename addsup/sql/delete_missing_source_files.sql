-- Files read by earlier runs that are no longer in the articles folder.
DELETE FROM source_files WHERE source NOT IN (SELECT source FROM listed_files);
