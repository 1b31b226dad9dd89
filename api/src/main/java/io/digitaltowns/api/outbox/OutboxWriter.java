package io.digitaltowns.api.outbox;

import io.digitaltowns.events.wire.AvroEventSerializer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a domain event to the outbox table in the caller's transaction, already in its final
 * wire bytes, so the change and its event commit together or not at all and the relay can pass
 * the bytes through untouched.
 */
@Component
public class OutboxWriter {

  private final JdbcClient jdbc;
  private final AvroEventSerializer serializer;

  OutboxWriter(JdbcClient jdbc, AvroEventSerializer serializer) {
    this.jdbc = jdbc;
    this.serializer = serializer;
  }

  /** Builds an event from its envelope values; the Avro builders share no interface to set them on. */
  @FunctionalInterface
  public interface EventBuilder {
    SpecificRecord build(String eventId, Instant occurredAt, String aggregateId);
  }

  /**
   * Writes the event built for a fresh id and the current time.
   *
   * @return the id of the written event
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public UUID publish(String aggregateType, UUID aggregateId, String traceId, EventBuilder builder) {
    UUID eventId = UUID.randomUUID();
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    write(aggregateType, aggregateId.toString(), eventId, now, traceId,
        builder.build(eventId.toString(), now, aggregateId.toString()));
    return eventId;
  }

  /**
   * @param aggregateType names the topic ({@code dt.<aggregateType>.events})
   * @param aggregateId   the record key, which keeps one aggregate's events in order
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void write(String aggregateType, String aggregateId, UUID eventId, Instant occurredAt,
                    String traceId, SpecificRecord event) {
    jdbc.sql("""
            INSERT INTO outbox (id, aggregate_type, aggregate_id, event_type, trace_id, occurred_at, payload)
            VALUES (:id, :aggregateType, :aggregateId, :eventType, :traceId, :occurredAt, :payload)
            """)
        .param("id", eventId)
        .param("aggregateType", aggregateType)
        .param("aggregateId", aggregateId)
        .param("eventType", event.getSchema().getName())
        .param("traceId", traceId)
        .param("occurredAt", Timestamp.from(occurredAt))
        .param("payload", serializer.serialize(event))
        .update();
  }
}
