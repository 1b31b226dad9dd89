-- Every domain event, written in the same transaction as the change it describes.
-- The relay reads inserts from the WAL (logical decoding), so rows are only kept for
-- inspection and are deleted by the relay after a retention period.
CREATE TABLE outbox (
  id             uuid PRIMARY KEY,          -- = eventId
  aggregate_type text        NOT NULL,      -- routes to topic dt.<aggregate_type>.events
  aggregate_id   text        NOT NULL,      -- Kafka record key
  event_type     text        NOT NULL,      -- Avro record name, copied to the eventType header
  trace_id       text,
  occurred_at    timestamptz NOT NULL,
  payload        bytea       NOT NULL       -- final Kafka value: Confluent wire format (magic, schema id, Avro)
);

CREATE INDEX outbox_occurred_at ON outbox (occurred_at);

-- Inserts only: the relay's clean-up deletes must not be decoded and streamed.
CREATE PUBLICATION dt_outbox FOR TABLE outbox WITH (publish = 'insert');
