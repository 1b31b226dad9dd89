-- The topic each event goes to, named by the api from the typed catalog (io.digitaltowns.events.catalog.Topics):
-- both relay modes route by this column instead of deriving a topic from aggregate_type by a naming convention of
-- their own (issue 20). Rows still waiting get the topic the relay would have derived for them.
ALTER TABLE outbox ADD COLUMN topic text;
UPDATE outbox SET topic = 'dt.' || aggregate_type || '.events' WHERE topic IS NULL;
ALTER TABLE outbox ALTER COLUMN topic SET NOT NULL;
