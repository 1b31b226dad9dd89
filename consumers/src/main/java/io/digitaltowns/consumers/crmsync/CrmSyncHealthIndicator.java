package io.digitaltowns.consumers.crmsync;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code crmSync} in health: on or off, and why. Off is not a failure: the product runs without
 * HubSpot.
 */
@Component
class CrmSyncHealthIndicator implements HealthIndicator {

  private final CrmSyncSwitch sync;

  CrmSyncHealthIndicator(CrmSyncSwitch sync) {
    this.sync = sync;
  }

  @Override
  public Health health() {
    return Health.up()
        .withDetail("state", sync.active() ? "on" : "off")
        .withDetail("reason", sync.reason())
        .build();
  }
}
