package io.digitaltowns.relay.engine;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * One outbox row as both relay modes see it, and the one place that turns it into a Kafka record:
 * Debezium's routed record and the polling relay's row become this first, so both modes publish the
 * same topic, key, value bytes and headers.
 *
 * @param topic the outbox row's {@code topic}, named by the api from the typed catalog
 *     (io.digitaltowns.events.catalog)
 * @param aggregateId the record key: one aggregate's events stay in one partition, in order
 * @param payload the record value, untouched (Confluent wire format written by the api)
 * @param occurredAt the event's commit time in the api, for the latency metric (null when unknown)
 */
public record OutboxEvent(
    String topic,
    String eventId,
    String aggregateId,
    String eventType,
    String traceId,
    Instant occurredAt,
    byte[] payload) {

  public ProducerRecord<byte[], byte[]> toKafka() {
    RecordHeaders headers = new RecordHeaders();
    if (eventId != null) {
      headers.add("eventId", utf8(eventId));
    }
    if (eventType != null) {
      headers.add("eventType", utf8(eventType));
    }
    if (traceId != null && eventId != null) {
      headers.add("traceparent", utf8(TraceParentHeader.childOf(traceId, eventId)));
    }
    byte[] key = aggregateId == null ? null : utf8(aggregateId);
    return new ProducerRecord<>(topic, null, key, payload, headers);
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
