package io.digitaltowns.consumers.events;

import io.digitaltowns.events.wire.AvroEventDeserializer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One consumer group's entry point: decodes a record into its typed event, picks the handler for
 * that type, and runs it exactly once per event id (message log + effect in one transaction). Event
 * types the group has no handler for are skipped.
 *
 * <p>While a record is dispatched the logging MDC holds {@value #MDC_TRACE_ID} (the envelope's
 * trace id, else the one of the record's {@code traceparent} header), {@value #MDC_EVENT_ID},
 * {@value #MDC_EVENT_TYPE} and {@value #MDC_GROUP}, so every line a handler logs can be tied to the
 * HTTP request that caused the event; and the outcome is counted in {@link ConsumerMetrics}.
 */
public class EventDispatcher {

  private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

  public static final String MDC_TRACE_ID = "traceId";
  public static final String MDC_EVENT_ID = "eventId";
  public static final String MDC_EVENT_TYPE = "eventType";
  public static final String MDC_GROUP = "consumerGroup";
  static final List<String> MDC_KEYS =
      List.of(MDC_TRACE_ID, MDC_EVENT_ID, MDC_EVENT_TYPE, MDC_GROUP);

  private final String group;
  private final Map<Class<?>, EventHandler<?>> handlers;
  private final AvroEventDeserializer deserializer;
  private final ProcessedEvents processedEvents;
  private final TransactionTemplate transaction;
  private final ConsumerMetrics metrics;

  /**
   * Counts into the {@link ConsumerMetrics} bound for the record by the listener container's
   * interceptor ({@link RecordObservation}); outside a listener call nothing is counted.
   */
  public EventDispatcher(
      String group,
      List<? extends EventHandler<?>> handlers,
      AvroEventDeserializer deserializer,
      ProcessedEvents processedEvents,
      TransactionTemplate transaction) {
    this(group, handlers, deserializer, processedEvents, transaction, null);
  }

  public EventDispatcher(
      String group,
      List<? extends EventHandler<?>> handlers,
      AvroEventDeserializer deserializer,
      ProcessedEvents processedEvents,
      TransactionTemplate transaction,
      ConsumerMetrics metrics) {
    this.group = group;
    this.handlers =
        handlers.stream()
            .collect(Collectors.toUnmodifiableMap(EventHandler::eventType, Function.identity()));
    this.deserializer = deserializer;
    this.processedEvents = processedEvents;
    this.transaction = transaction;
    this.metrics = metrics;
  }

  public String group() {
    return group;
  }

  public void dispatch(byte[] value) {
    ConsumedRecord record = ConsumedRecord.current();
    String topic = record == null || record.topic() == null ? "unknown" : record.topic();
    ConsumerMetrics counted = metrics != null ? metrics : record == null ? null : record.metrics();
    Map<String, String> outerMdc = MDC.getCopyOfContextMap();
    String eventType = "undecodable";
    try {
      MDC.put(MDC_GROUP, group);
      if (record != null && record.headerTraceId() != null) {
        MDC.put(MDC_TRACE_ID, record.headerTraceId());
      }
      GenericContainer event = deserializer.deserialize(value);
      eventType = event.getSchema().getName();
      MDC.put(MDC_EVENT_TYPE, eventType);
      Envelope envelope = Envelope.of(event);
      if (envelope.eventId() != null) {
        MDC.put(MDC_EVENT_ID, envelope.eventId());
      }
      if (envelope.traceId() != null) {
        MDC.put(MDC_TRACE_ID, envelope.traceId());
      }
      EventHandler<?> handler = handlers.get(event.getClass());
      if (handler == null) {
        // Not this group's business (the email group has nothing to say about a sign-in, say), or
        // an
        // event type newer than this build (decoded as a generic record). Returning normally
        // acknowledges the record: the listener commits its offset and the partition moves on.
        // Throwing instead would retry it for the whole backoff, holding up that partition, and
        // then
        // dead-letter a record nothing was wrong with. Nothing is written to processed_events
        // either:
        // skipping is idempotent by itself, a row per ignored event would only grow the table, and
        // a replay after a handler for the type is added can still act on the older events.
        log.debug("{}: no handler for {}, skipped", group, event.getSchema().getFullName());
        if (counted != null) {
          counted.skipped(group, topic, eventType, "unhandled");
        }
        return;
      }
      String eventId = String.valueOf(envelope.eventId());
      boolean handled =
          Boolean.TRUE.equals(
              transaction.execute(
                  status -> {
                    if (processedEvents.markProcessed(group, eventId)) {
                      invoke(handler, (SpecificRecord) event);
                      return true;
                    }
                    log.debug("{}: event {} already processed, skipped", group, eventId);
                    return false;
                  }));
      if (counted != null) {
        if (handled) {
          counted.processed(group, topic, eventType, envelope.occurredAt());
        } else {
          counted.skipped(group, topic, eventType, "duplicate");
        }
      }
    } catch (RuntimeException | Error failure) {
      if (counted != null) {
        counted.failed(group, topic, eventType, failure);
      }
      throw failure;
    } finally {
      // back to what the caller had (the container interceptor's trace id and group, or nothing)
      if (outerMdc == null) {
        MDC_KEYS.forEach(MDC::remove);
      } else {
        MDC.setContextMap(outerMdc);
      }
    }
  }

  /** The fields every event starts with; null where a (foreign or future) record lacks one. */
  private record Envelope(String eventId, String traceId, Instant occurredAt) {

    static Envelope of(GenericContainer event) {
      if (!(event instanceof GenericRecord record)) {
        return new Envelope(null, null, null);
      }
      return new Envelope(
          string(record, "eventId"), string(record, "traceId"), instant(record, "occurredAt"));
    }

    private static String string(GenericRecord record, String field) {
      Object value = record.getSchema().getField(field) == null ? null : record.get(field);
      return value == null ? null : value.toString();
    }

    private static Instant instant(GenericRecord record, String field) {
      Object value = record.getSchema().getField(field) == null ? null : record.get(field);
      if (value instanceof Instant instant) {
        return instant;
      }
      return value instanceof Long millis ? Instant.ofEpochMilli(millis) : null;
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends SpecificRecord> void invoke(
      EventHandler<T> handler, SpecificRecord event) {
    handler.handle((T) event);
  }
}
