package io.digitaltowns.benchmark.modulithpeer;

import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * The benchmark's event, about 1 KB as JSON like the relay's benchmark events. Modulith sends it to
 * Kafka as JSON (its default: Jackson, ByteArraySerializer), keyed by the aggregate id so that one
 * aggregate keeps its order.
 */
@Externalized(BenchEventPublished.TOPIC + "::#{aggregateId()}")
public record BenchEventPublished(
    UUID eventId, String aggregateId, Instant occurredAt, String payload) {

  public static final String TOPIC = "peer.modulith.bench.events";
}
