package io.digitaltowns.events.wire;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code schemaRegistry} in {@code /actuator/health}: every service that writes or reads events
 * needs the registry for schema ids it has not cached yet, so an unreachable registry is DOWN.
 */
public class SchemaRegistryHealthIndicator implements HealthIndicator {

  private final SchemaRegistryClient registry;

  public SchemaRegistryHealthIndicator(SchemaRegistryClient registry) {
    this.registry = registry;
  }

  @Override
  public Health health() {
    try {
      return Health.up().withDetail("subjects", registry.subjectCount()).build();
    } catch (SchemaRegistryException e) {
      return Health.down()
          .withDetail("error", e.status() == 0 ? "unreachable" : "answered " + e.status())
          .build();
    }
  }
}
