package io.digitaltowns.relay.monitoring;

import io.digitaltowns.relay.engine.OutboxRelay;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * {@code relay} in {@code /actuator/health}. A standby (another instance holds the lock) is UP: it is
 * doing its job. The active instance is DOWN when its slot is gone or PostgreSQL invalidated it ("lost":
 * WAL it needed was removed), because then events can no longer be relayed from where it stopped.
 */
@Component
class RelayHealthIndicator implements HealthIndicator {

  private final OutboxRelay relay;
  private final ReplicationSlotProbe probe;

  RelayHealthIndicator(OutboxRelay relay, ReplicationSlotProbe probe) {
    this.relay = relay;
    this.probe = probe;
  }

  @Override
  public Health health() {
    String role = relay.isActive() ? "active" : "standby";
    try {
      return probe.slot()
          .map(slot -> ("lost".equals(slot.walStatus()) ? Health.down() : Health.up())
              .withDetail("role", role)
              .withDetail("slot", probe.slotName())
              .withDetail("slotActive", slot.active())
              .withDetail("lagBytes", slot.lagBytes())
              .withDetail("walStatus", String.valueOf(slot.walStatus()))
              .build())
          .orElseGet(() -> (relay.isActive() ? Health.down() : Health.up())
              .withDetail("role", role)
              .withDetail("slot", probe.slotName() + " (not created yet)")
              .build());
    } catch (DataAccessException e) {
      return Health.down().withDetail("role", role).withDetail("error", "database unreachable").build();
    }
  }
}
