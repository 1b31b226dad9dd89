package io.digitaltowns.relay.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The relay's own meters: {@code relay.events.relayed} (events Kafka acknowledged; its rate is the
 * relay's throughput) and {@code relay.events.latency} (from the event's commit in the api to
 * Kafka's acknowledgement, as a histogram). Backlog gauges are in {@code
 * io.digitaltowns.relay.monitoring}.
 */
@Component
public class RelayMetrics {

  private final Counter relayed;
  private final Timer latency;

  RelayMetrics(MeterRegistry meters) {
    this.relayed =
        Counter.builder("relay.events.relayed")
            .description("outbox events acknowledged by Kafka")
            .register(meters);
    this.latency =
        Timer.builder("relay.events.latency")
            .description("time from the event's occurredAt (its commit) to Kafka's acknowledgement")
            .publishPercentileHistogram()
            .register(meters);
  }

  void relayed(int count) {
    relayed.increment(count);
  }

  void latency(Duration sinceOccurred) {
    if (!sinceOccurred.isNegative()) {
      latency.record(sinceOccurred);
    }
  }

  public double total() {
    return relayed.count();
  }
}
