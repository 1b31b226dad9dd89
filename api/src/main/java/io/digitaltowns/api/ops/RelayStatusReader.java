package io.digitaltowns.api.ops;

import io.digitaltowns.api.ops.OpsStatus.RelayStatus;
import io.digitaltowns.platform.relaystatus.OutboxRows;
import io.digitaltowns.platform.relaystatus.RelayLockKey;
import io.digitaltowns.platform.relaystatus.RelayLockSession;
import io.digitaltowns.platform.relaystatus.RelayStatusQueries;
import io.digitaltowns.platform.relaystatus.ReplicationSlot;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The relay's state as PostgreSQL sees it (its replication slot, the session holding its lock, the
 * outbox).
 */
@Component
class RelayStatusReader {

  private static final String OUTBOX = "outbox";

  private final RelayStatusQueries queries;
  private final OpsProperties properties;

  RelayStatusReader(JdbcClient jdbc, OpsProperties properties) {
    this.queries = new RelayStatusQueries(jdbc);
    this.properties = properties;
  }

  RelayStatus read() {
    Optional<ReplicationSlot> slot = queries.slot(properties.relaySlotName());
    String holder =
        queries
            .lockHolder(new RelayLockKey(properties.relayLockId()))
            .map(RelayLockSession::describe)
            .orElse(null);
    OutboxRows outbox = queries.outbox(OUTBOX).orElse(new OutboxRows(0, null));
    return new RelayStatus(
        properties.relaySlotName(),
        slot.map(ReplicationSlot::active).orElse(null),
        slot.map(ReplicationSlot::lagBytes).orElse(null),
        slot.map(ReplicationSlot::walStatus).orElse(null),
        holder,
        outbox.rows(),
        outbox.oldest(),
        properties.relayMode().name().toLowerCase(Locale.ROOT));
  }
}
