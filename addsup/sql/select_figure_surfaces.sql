SELECT figure_id, surface FROM figures WHERE figure_id IN (SELECT unnest(?::VARCHAR[]));
