SELECT source, size, mtime_ns FROM source_files;
