package io.digitaltowns.relay.monitoring;

import io.digitaltowns.relay.RelayProperties;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the relay's replication slot and the outbox from PostgreSQL, for health and metrics. */
@Component
class ReplicationSlotProbe {

  /** What PostgreSQL says about the slot; lag = WAL written since the relay last confirmed a position. */
  record SlotState(boolean active, long lagBytes, String walStatus) {
  }

  private final JdbcClient jdbc;
  private final String slotName;

  ReplicationSlotProbe(JdbcClient jdbc, RelayProperties properties) {
    this.jdbc = jdbc;
    this.slotName = properties.slotName();
  }

  String slotName() {
    return slotName;
  }

  Optional<SlotState> slot() {
    return jdbc.sql("""
            SELECT active,
                   coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn), 0)::bigint AS lag,
                   wal_status
            FROM pg_replication_slots WHERE slot_name = :slot
            """)
        .param("slot", slotName)
        .query((row, number) -> new SlotState(row.getBoolean("active"), row.getLong("lag"), row.getString("wal_status")))
        .optional();
  }

  /** Rows in the outbox: not yet relayed, or relayed and kept for the retention period. */
  long outboxRows() {
    return jdbc.sql("SELECT count(*) FROM outbox").query(Long.class).single();
  }
}
