-- A run whose end its Prefect server did not hear (the server stopped answering): the next
-- run gives its flow run on the server the state recorded here (flows/settle.py).
ALTER TABLE runs ADD COLUMN IF NOT EXISTS unreported BOOLEAN DEFAULT false;
