package io.digitaltowns.api.ops;

import io.digitaltowns.api.ops.OpsStatus.RelayStatus;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The relay's state as PostgreSQL sees it: its replication slot, the session holding its lock, the outbox. */
@Component
class RelayStatusReader {

  private final JdbcClient jdbc;
  private final OpsProperties properties;

  RelayStatusReader(JdbcClient jdbc, OpsProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  RelayStatus read() {
    record Slot(Boolean active, Long lagBytes, String walStatus) {
    }
    Slot slot = jdbc.sql("""
            SELECT active, pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)::bigint AS lag, wal_status
            FROM pg_replication_slots WHERE slot_name = :slot
            """)
        .param("slot", properties.relaySlotName())
        .query((row, n) -> new Slot(row.getBoolean("active"), (Long) row.getObject("lag"), row.getString("wal_status")))
        .optional()
        .orElse(new Slot(null, null, null));
    // a bigint advisory key shows in pg_locks as classid = high 32 bits, objid = low 32 bits, objsubid = 1
    String holder = jdbc.sql("""
            SELECT coalesce(nullif(a.application_name, ''), 'pid ' || l.pid) || coalesce(' @ ' || host(a.client_addr), '')
            FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND l.classid::bigint = :high AND l.objid::bigint = :low AND l.objsubid = 1
            """)
        .param("high", properties.relayLockId() >>> 32)
        .param("low", properties.relayLockId() & 0xFFFF_FFFFL)
        .query(String.class)
        .optional()
        .orElse(null);
    record Outbox(long rows, Timestamp oldest) {
    }
    Outbox outbox = jdbc.sql("SELECT count(*), min(occurred_at) FROM outbox")
        .query((row, n) -> new Outbox(row.getLong(1), row.getTimestamp(2)))
        .single();
    return new RelayStatus(properties.relaySlotName(), slot.active(), slot.lagBytes(), slot.walStatus(), holder,
        outbox.rows(), outbox.oldest() == null ? null : outbox.oldest().toInstant(),
        properties.relayMode().name().toLowerCase(java.util.Locale.ROOT));
  }
}
