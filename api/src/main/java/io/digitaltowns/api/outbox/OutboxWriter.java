package io.digitaltowns.api.outbox;

import io.digitaltowns.events.catalog.Envelope;
import io.digitaltowns.events.catalog.Topic;
import io.digitaltowns.events.catalog.Topics;
import io.digitaltowns.events.wire.AvroEventSerializer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.avro.data.RecordBuilder;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a domain event to the outbox table in the caller's transaction, already in its final wire
 * bytes, so the change and its event commit together or not at all and the relay can pass the bytes
 * through untouched. The one place an event gets its envelope (a fresh event id, the commit time)
 * and its route: the topic and aggregate type come from the catalog ({@link Topics#of}).
 */
@Component
public class OutboxWriter {

  private final JdbcClient jdbc;
  private final AvroEventSerializer serializer;
  private final Clock clock;

  OutboxWriter(JdbcClient jdbc, AvroEventSerializer serializer, Clock clock) {
    this.jdbc = jdbc;
    this.serializer = serializer;
    this.clock = clock;
  }

  /**
   * Publishes the event the builder makes, given everything but its envelope.
   *
   * @param aggregateId the record key, which keeps one aggregate's events in order
   * @param traceId W3C trace id of the request that caused the event, null when there is none
   * @return the id of the written event
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public <E extends SpecificRecord> UUID publish(
      UUID aggregateId, String traceId, RecordBuilder<E> event) {
    return publish(aggregateId.toString(), traceId, event);
  }

  /**
   * As {@link #publish(UUID, String, RecordBuilder)}, for an aggregate whose id is not a UUID (a
   * Stripe object's).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public <E extends SpecificRecord> UUID publish(
      String aggregateId, String traceId, RecordBuilder<E> event) {
    UUID eventId = UUID.randomUUID();
    write(
        new Envelope(
            eventId.toString(),
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            aggregateId,
            traceId),
        event);
    return eventId;
  }

  /** Writes the event with this envelope (the wire-format test pins it). */
  @Transactional(propagation = Propagation.MANDATORY)
  <E extends SpecificRecord> void write(Envelope envelope, RecordBuilder<E> builder) {
    E event = envelope.build(builder);
    Topic<String, SpecificRecord> topic = Topics.of(event.getClass());
    jdbc.sql(
            """
            INSERT INTO outbox (id, topic, aggregate_type, aggregate_id, event_type, trace_id, occurred_at, payload)
            VALUES (:id, :topic, :aggregateType, :aggregateId, :eventType, :traceId, :occurredAt, :payload)
            """)
        .param("id", UUID.fromString(envelope.eventId()))
        .param("topic", topic.name())
        .param("aggregateType", topic.aggregateType())
        .param("aggregateId", envelope.aggregateId())
        .param("eventType", event.getSchema().getName())
        .param("traceId", envelope.traceId())
        .param("occurredAt", Timestamp.from(envelope.occurredAt()))
        .param("payload", serializer.serialize(event))
        .update();
  }
}
