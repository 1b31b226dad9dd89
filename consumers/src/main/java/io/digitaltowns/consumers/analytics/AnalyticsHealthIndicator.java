package io.digitaltowns.consumers.analytics;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code analytics} in {@code /actuator/health}: the topology's state; "off" when switched off by
 * configuration.
 */
@Component
class AnalyticsHealthIndicator implements HealthIndicator {

  private final AnalyticsStreams streams;

  AnalyticsHealthIndicator(AnalyticsStreams streams) {
    this.streams = streams;
  }

  @Override
  public Health health() {
    KafkaStreams.State state = streams.state();
    if (state == null) {
      return Health.up().withDetail("state", "off").build();
    }
    boolean healthy = state.isRunningOrRebalancing() || state == KafkaStreams.State.CREATED;
    return (healthy ? Health.up() : Health.down()).withDetail("state", state.name()).build();
  }
}
