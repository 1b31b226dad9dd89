package io.digitaltowns.relay.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * How far behind the relay is, read at each scrape: {@code relay.slot.lag.bytes} (WAL not yet
 * confirmed by the relay; grows while it is down or slow) and {@code relay.outbox.rows} (backlog
 * plus relayed rows kept for the retention period). NaN when PostgreSQL cannot be asked, so a gap
 * shows instead of a false zero.
 */
@Component
class RelayBacklogGauges {

  private static final Logger log = LoggerFactory.getLogger(RelayBacklogGauges.class);

  RelayBacklogGauges(ReplicationSlotProbe probe, MeterRegistry meters) {
    Gauge.builder(
            "relay.slot.lag.bytes",
            probe,
            p -> read(() -> p.slot().map(s -> (double) s.lagBytes()).orElse(0.0)))
        .description(
            "WAL bytes written since the relay last confirmed a position in its replication slot")
        .baseUnit("bytes")
        .register(meters);
    Gauge.builder("relay.outbox.rows", probe, p -> read(() -> (double) p.outboxRows()))
        .description(
            "rows in the outbox table (waiting, or relayed and kept for the retention period)")
        .register(meters);
  }

  private static double read(java.util.function.Supplier<Double> value) {
    try {
      return value.get();
    } catch (DataAccessException e) {
      log.debug("relay gauge not readable: {}", e.getMessage());
      return Double.NaN;
    }
  }
}
