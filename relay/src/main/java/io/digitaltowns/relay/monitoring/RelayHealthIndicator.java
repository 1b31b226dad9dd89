package io.digitaltowns.relay.monitoring;

import io.digitaltowns.relay.RelayMode;
import io.digitaltowns.relay.RelayProperties;
import io.digitaltowns.relay.engine.OutboxRelay;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * {@code relay} in {@code /actuator/health}. A standby (another instance holds the lock) is UP: it
 * is doing its job. The active instance is DOWN when its slot is gone or PostgreSQL invalidated it
 * ("lost": WAL it needed was removed), because then events can no longer be relayed from where it
 * stopped. In polling mode there is no slot: the backlog is the outbox itself, and a slot left over
 * from Debezium mode is named, because it keeps WAL on the server until someone drops it.
 */
@Component
class RelayHealthIndicator implements HealthIndicator {

  private final OutboxRelay relay;
  private final ReplicationSlotProbe probe;
  private final RelayMode mode;

  RelayHealthIndicator(OutboxRelay relay, ReplicationSlotProbe probe, RelayProperties properties) {
    this.relay = relay;
    this.probe = probe;
    this.mode = properties.mode();
  }

  @Override
  public Health health() {
    String role = relay.isActive() ? "active" : "standby";
    try {
      if (mode == RelayMode.POLLING) {
        Health.Builder health =
            Health.up()
                .withDetail("role", role)
                .withDetail("mode", "polling")
                .withDetail("outboxRows", probe.outboxRows());
        probe
            .slot()
            .ifPresent(
                slot ->
                    health.withDetail(
                        "unusedSlot",
                        probe.slotName()
                            + " keeps "
                            + slot.lagBytes()
                            + " bytes of WAL: drop it (docs/relay.md)"));
        return health.build();
      }
      return probe
          .slot()
          .map(
              slot ->
                  ("lost".equals(slot.walStatus()) ? Health.down() : Health.up())
                      .withDetail("role", role)
                      .withDetail("slot", probe.slotName())
                      .withDetail("slotActive", slot.active())
                      .withDetail("lagBytes", slot.lagBytes())
                      .withDetail("walStatus", String.valueOf(slot.walStatus()))
                      .build())
          .orElseGet(
              () ->
                  (relay.isActive() ? Health.down() : Health.up())
                      .withDetail("role", role)
                      .withDetail("slot", probe.slotName() + " (not created yet)")
                      .build());
    } catch (DataAccessException e) {
      return Health.down()
          .withDetail("role", role)
          .withDetail("error", "database unreachable")
          .build();
    }
  }
}
