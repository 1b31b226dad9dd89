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
