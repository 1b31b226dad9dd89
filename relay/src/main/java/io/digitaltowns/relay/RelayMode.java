package io.digitaltowns.relay;

/**
 * How the relay learns of new outbox rows (RELAY_MODE). Both publish the same records and run
 * active/standby under the same advisory lock; docs/relay.md says when to pick which.
 */
public enum RelayMode {
  /**
   * Debezium reads the outbox inserts from the WAL through a logical replication slot (needs
   * wal_level=logical).
   */
  DEBEZIUM,
  /**
   * Reads the outbox table itself in batches and deletes what Kafka acknowledged (any PostgreSQL).
   */
  POLLING
}
