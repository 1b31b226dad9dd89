-- The polling relay (RELAY_MODE=polling) reads the outbox in this order, oldest first; the Debezium relay reads the
-- WAL in commit order and ignores it.
--
-- seq is taken in a BEFORE INSERT trigger after a transaction-level advisory lock on the event's aggregate, not by a
-- column default. So a second transaction writing an event of the same aggregate waits at its insert until the
-- first one ended, and only then draws its number: for one aggregate, seq order is commit order. The poller sees
-- every committed row it has not deleted, in seq order; a row of another aggregate that commits late (a lower seq
-- that was invisible when higher ones were relayed) is simply relayed at the next poll, and nothing of its own
-- aggregate can have gone out before it (docs/relay.md, "Order and late commits").
--
-- The lock key is a pair of int4 (class 7262, hash of the aggregate): that key space never meets the relay's
-- single-bigint leadership lock.
CREATE SEQUENCE outbox_seq;

ALTER TABLE outbox ADD COLUMN seq bigint;

UPDATE outbox SET seq = numbered.n
FROM (SELECT id, nextval('outbox_seq') AS n FROM (SELECT id FROM outbox ORDER BY occurred_at, id) ordered) numbered
WHERE outbox.id = numbered.id;

CREATE FUNCTION outbox_number_in_aggregate_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7262, hashtext(NEW.aggregate_type || '/' || NEW.aggregate_id));
  NEW.seq := nextval('outbox_seq');
  RETURN NEW;
END
$$;

CREATE TRIGGER outbox_number_in_aggregate_order BEFORE INSERT ON outbox
  FOR EACH ROW EXECUTE FUNCTION outbox_number_in_aggregate_order();

ALTER TABLE outbox ALTER COLUMN seq SET NOT NULL;

CREATE UNIQUE INDEX outbox_seq_order ON outbox (seq);
