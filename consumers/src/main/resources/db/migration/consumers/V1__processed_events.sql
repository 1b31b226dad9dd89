-- The message log of the idempotent consumers: an event id is recorded in the same
-- transaction as the consumer's effect, so redeliveries and replays are skipped.
CREATE TABLE consumers.processed_events (
  consumer_group text        NOT NULL,
  event_id       text        NOT NULL,
  processed_at   timestamptz NOT NULL,
  PRIMARY KEY (consumer_group, event_id)
);
