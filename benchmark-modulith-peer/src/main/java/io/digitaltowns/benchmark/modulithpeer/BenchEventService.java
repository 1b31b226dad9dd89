package io.digitaltowns.benchmark.modulithpeer;

import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes one event per transaction: the registry row is written in it, the Kafka send follows
 * the commit.
 */
@Service
class BenchEventService {

  private final ApplicationEventPublisher events;
  private final String payload;

  BenchEventService(
      ApplicationEventPublisher events, @Value("${peer.payload-chars:870}") int payloadChars) {
    this.events = events;
    this.payload = "x".repeat(payloadChars);
  }

  @Transactional
  public String publish() {
    String aggregateId = UUID.randomUUID().toString();
    events.publishEvent(
        new BenchEventPublished(UUID.randomUUID(), aggregateId, Instant.now(), payload));
    return aggregateId;
  }
}
