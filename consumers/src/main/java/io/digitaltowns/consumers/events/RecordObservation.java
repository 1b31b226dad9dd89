package io.digitaltowns.consumers.events;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Runs around every listener call of every consumer group (Spring Boot hands the one {@link
 * RecordInterceptor} bean to the listener container factory): binds the record's topic, group and
 * {@code traceparent} trace id for the {@link EventDispatcher}, puts the trace id and group in the
 * logging MDC at once (so the container's own log lines about the record carry them too), and
 * clears both when the record is done, success or failure.
 */
class RecordObservation implements RecordInterceptor<Object, Object> {

  private final ConsumerMetrics metrics;

  RecordObservation(ConsumerMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public ConsumerRecord<Object, Object> intercept(
      ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
    String group = groupOf(consumer);
    String traceId = TraceIds.fromHeaders(record.headers());
    ConsumedRecord.bind(new ConsumedRecord(record.topic(), group, traceId, metrics));
    if (traceId != null) {
      MDC.put(EventDispatcher.MDC_TRACE_ID, traceId);
    }
    if (group != null) {
      MDC.put(EventDispatcher.MDC_GROUP, group);
    }
    return record;
  }

  @Override
  public void afterRecord(
      ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
    clear();
  }

  @Override
  public void clearThreadState(Consumer<?, ?> consumer) {
    clear();
  }

  private static void clear() {
    ConsumedRecord.clear();
    EventDispatcher.MDC_KEYS.forEach(MDC::remove);
  }

  private static String groupOf(Consumer<?, ?> consumer) {
    try {
      return consumer == null ? null : consumer.groupMetadata().groupId();
    } catch (RuntimeException notAvailable) {
      return null;
    }
  }
}
