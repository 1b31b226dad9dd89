package io.digitaltowns.relay.engine;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.ChangeEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each routed outbox record to Kafka and marks it processed only once Kafka acknowledged
 * the whole batch (acks=all), so Debezium never commits an offset past an unsent event. A failed
 * send throws: the engine stops, and the relay restarts it from the last committed offset.
 */
class KafkaOutboxPublisher implements DebeziumEngine.ChangeConsumer<ChangeEvent<SourceRecord, SourceRecord>> {

  private static final Logger log = LoggerFactory.getLogger(KafkaOutboxPublisher.class);

  private final Producer<byte[], byte[]> producer;
  private final RelayMetrics metrics;

  KafkaOutboxPublisher(Producer<byte[], byte[]> producer, RelayMetrics metrics) {
    this.producer = producer;
    this.metrics = metrics;
  }

  @Override
  public void handleBatch(List<ChangeEvent<SourceRecord, SourceRecord>> records,
                          DebeziumEngine.RecordCommitter<ChangeEvent<SourceRecord, SourceRecord>> committer)
      throws InterruptedException {
    List<Future<RecordMetadata>> sends = new ArrayList<>(records.size());
    List<Instant> occurred = new ArrayList<>(records.size());
    for (ChangeEvent<SourceRecord, SourceRecord> event : records) {
      SourceRecord record = event.value();
      if (record.topic() != null && record.topic().startsWith("dt.") && record.value() != null) {
        sends.add(producer.send(toKafka(record)));
        occurred.add(occurredAt(record));
      }
    }
    for (Future<RecordMetadata> send : sends) {
      try {
        send.get();
      } catch (ExecutionException e) {
        throw new RelayFailedException("Kafka did not acknowledge an outbox event", e.getCause());
      }
    }
    for (ChangeEvent<SourceRecord, SourceRecord> event : records) {
      committer.markProcessed(event);
    }
    committer.markBatchFinished();
    metrics.relayed(sends.size());
    Instant acknowledged = Instant.now();
    for (Instant occurredAt : occurred) {
      if (occurredAt != null) {
        metrics.latency(Duration.between(occurredAt, acknowledged));
      }
    }
    if (log.isDebugEnabled()) {
      log.debug("Relayed {} outbox events", sends.size());
    }
  }

  private static ProducerRecord<byte[], byte[]> toKafka(SourceRecord record) {
    RecordHeaders headers = new RecordHeaders();
    String eventId = headerValue(record, "id");
    if (eventId != null) {
      headers.add("eventId", utf8(eventId));
    }
    String eventType = headerValue(record, "eventType");
    if (eventType != null) {
      headers.add("eventType", utf8(eventType));
    }
    String traceId = headerValue(record, "traceId");
    if (traceId != null && eventId != null) {
      headers.add("traceparent", utf8(TraceParentHeader.childOf(traceId, eventId)));
    }
    byte[] key = record.key() == null ? null : utf8(record.key().toString());
    return new ProducerRecord<>(record.topic(), null, key, bytes(record.value()), headers);
  }

  /** The outbox row's occurred_at, which Debezium hands over as an ISO-8601 text (ZonedTimestamp). */
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
    throw new RelayFailedException("outbox payload is not bytes but " + value.getClass().getName(), null);
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

}
