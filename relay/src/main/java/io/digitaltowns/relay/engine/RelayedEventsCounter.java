package io.digitaltowns.relay.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Counts events Kafka acknowledged; its rate is the relay's throughput. */
@Component
public class RelayedEventsCounter {

  private final Counter counter;

  RelayedEventsCounter(MeterRegistry meters) {
    this.counter = Counter.builder("relay.events.relayed")
        .description("outbox events acknowledged by Kafka")
        .register(meters);
  }

  void add(int count) {
    counter.increment(count);
  }

  public double total() {
    return counter.count();
  }
}
