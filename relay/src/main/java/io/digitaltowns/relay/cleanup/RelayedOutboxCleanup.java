package io.digitaltowns.relay.cleanup;

import io.digitaltowns.relay.RelayMode;
import io.digitaltowns.relay.RelayProperties;
import io.digitaltowns.relay.engine.OutboxRelay;
import java.sql.Timestamp;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the outbox table from growing forever. Deleting a row never loses its event: the relay
 * reads inserts from the WAL, which the replication slot retains until the event is relayed. Only
 * the active relay cleans, in small batches so it never holds long locks. The polling relay deletes
 * each row once Kafka acknowledged it and reads the table, not the WAL: deleting its rows by age
 * would lose events not yet relayed, so this does nothing in polling mode.
 */
@Component
class RelayedOutboxCleanup {

  private static final Logger log = LoggerFactory.getLogger(RelayedOutboxCleanup.class);
  private static final int BATCH = 5_000;

  private final JdbcClient jdbc;
  private final OutboxRelay relay;
  private final RelayProperties properties;

  RelayedOutboxCleanup(JdbcClient jdbc, OutboxRelay relay, RelayProperties properties) {
    this.jdbc = jdbc;
    this.relay = relay;
    this.properties = properties;
  }

  @Scheduled(
      fixedDelayString = "${digitaltowns.relay.cleanup-interval:60s}",
      initialDelayString = "30s")
  void deleteRowsPastRetention() {
    if (!relay.isActive() || properties.mode() != RelayMode.DEBEZIUM) {
      return;
    }
    Timestamp cutoff = Timestamp.from(Instant.now().minus(properties.outboxRetention()));
    int deleted;
    int total = 0;
    do {
      deleted =
          jdbc.sql(
                  """
              DELETE FROM outbox WHERE id IN (
                SELECT id FROM outbox WHERE occurred_at < :cutoff LIMIT :batch)
              """)
              .param("cutoff", cutoff)
              .param("batch", BATCH)
              .update();
      total += deleted;
    } while (deleted == BATCH && relay.isActive());
    if (total > 0) {
      log.info("Deleted {} outbox rows older than {}", total, properties.outboxRetention());
    }
  }
}
