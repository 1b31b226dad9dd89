package io.digitaltowns.api.accounts;

import io.digitaltowns.api.outbox.OutboxWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;

/** Writes an account event, keyed by the user id, to the outbox in the caller's transaction. */
@Component
public class AccountEvents {

  static final String AGGREGATE_TYPE = "accounts";

  private final OutboxWriter outbox;

  AccountEvents(OutboxWriter outbox) {
    this.outbox = outbox;
  }

  /** Builds an event from its envelope values; the Avro builders share no interface to set them on. */
  @FunctionalInterface
  public interface EventBuilder {
    SpecificRecord build(String eventId, Instant occurredAt, String aggregateId);
  }

  /** @return the id of the written event */
  public UUID publish(UUID userId, String traceId, EventBuilder builder) {
    UUID eventId = UUID.randomUUID();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    outbox.write(AGGREGATE_TYPE, userId.toString(), eventId, now, traceId,
        builder.build(eventId.toString(), now, userId.toString()));
    return eventId;
  }
}
