package io.digitaltowns.relay.monitoring;

import io.digitaltowns.platform.relaystatus.OutboxRows;
import io.digitaltowns.platform.relaystatus.RelayStatusQueries;
import io.digitaltowns.relay.RelayProperties;
import java.util.Optional;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * This relay's replication slot and outbox, read through the shared relay status queries, for
 * health and metrics.
 */
@Component
class ReplicationSlotProbe {

  /**
   * What PostgreSQL says about the slot; lag = WAL written since the relay last confirmed a
   * position (0 before).
   */
  record SlotState(boolean active, long lagBytes, String walStatus) {}

  private static final String OUTBOX = "outbox";

  private final RelayStatusQueries queries;
  private final String slotName;

  ReplicationSlotProbe(JdbcClient jdbc, RelayProperties properties) {
    this.queries = new RelayStatusQueries(jdbc);
    this.slotName = properties.slotName();
  }

  String slotName() {
    return slotName;
  }

  Optional<SlotState> slot() {
    return queries
        .slot(slotName)
        .map(
            slot ->
                new SlotState(
                    slot.active(),
                    slot.lagBytes() == null ? 0 : slot.lagBytes(),
                    slot.walStatus()));
  }

  /** Rows in the outbox: not yet relayed, or relayed and kept for the retention period. */
  long outboxRows() {
    // no table is a database the api never migrated: unreadable (NaN, DOWN), not an empty backlog
    return queries
        .outbox(OUTBOX)
        .map(OutboxRows::rows)
        .orElseThrow(() -> new InvalidDataAccessResourceUsageException("no table " + OUTBOX));
  }
}
