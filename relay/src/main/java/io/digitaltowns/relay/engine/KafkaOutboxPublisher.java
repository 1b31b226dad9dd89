package io.digitaltowns.relay.engine;

import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each routed outbox record to Kafka and marks it processed only once Kafka acknowledged the
 * whole batch (acks=all), so Debezium never commits an offset past an unsent event. A failed send
 * throws: the engine stops, and the relay restarts it from the last committed offset.
 */
class KafkaOutboxPublisher
    implements DebeziumEngine.ChangeConsumer<ChangeEvent<SourceRecord, SourceRecord>> {

  private static final Logger log = LoggerFactory.getLogger(KafkaOutboxPublisher.class);

  private final OutboxSender sender;

  KafkaOutboxPublisher(OutboxSender sender) {
    this.sender = sender;
  }

  @Override
  public void handleBatch(
      List<ChangeEvent<SourceRecord, SourceRecord>> records,
      DebeziumEngine.RecordCommitter<ChangeEvent<SourceRecord, SourceRecord>> committer)
      throws InterruptedException {
    List<OutboxEvent> events = new ArrayList<>(records.size());
    for (ChangeEvent<SourceRecord, SourceRecord> event : records) {
      SourceRecord record = event.value();
      if (routedOutboxRow(record)) {
        events.add(outboxEvent(record));
      }
    }
    sender.sendAll(events);
    for (ChangeEvent<SourceRecord, SourceRecord> event : records) {
      committer.markProcessed(event);
    }
    committer.markBatchFinished();
    if (log.isDebugEnabled()) {
      log.debug("Relayed {} outbox events", events.size());
    }
  }

  /**
   * A row the Outbox Event Router routed: its value is the payload bytes. Anything else the engine
   * hands over (a heartbeat, a schema change) is a Struct or nothing, and is only marked processed.
   */
  private static boolean routedOutboxRow(SourceRecord record) {
    return record.topic() != null
        && (record.value() instanceof byte[] || record.value() instanceof ByteBuffer);
  }

  /**
   * What the Outbox Event Router made of the row: topic routed, key = aggregate_id, columns as
   * headers.
   */
  static OutboxEvent outboxEvent(SourceRecord record) {
    return new OutboxEvent(
        record.topic(),
        headerValue(record, "id"),
        record.key() == null ? null : record.key().toString(),
        headerValue(record, "eventType"),
        headerValue(record, "traceId"),
        occurredAt(record),
        bytes(record.value()));
  }

  /**
   * The outbox row's occurred_at, which Debezium hands over as an ISO-8601 text (ZonedTimestamp).
   */
  private static Instant occurredAt(SourceRecord record) {
    String value = headerValue(record, "occurredAt");
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String headerValue(SourceRecord record, String name) {
    Header header = record.headers().lastWithName(name);
    return header == null || header.value() == null ? null : header.value().toString();
  }

  private static byte[] bytes(Object value) {
    if (value instanceof byte[] array) {
      return array;
    }
    if (value instanceof ByteBuffer buffer) {
      byte[] array = new byte[buffer.remaining()];
      buffer.duplicate().get(array);
      return array;
    }
    throw new RelayFailedException(
        "outbox payload is not bytes but " + value.getClass().getName(), null);
  }
}
