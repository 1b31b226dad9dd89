package io.digitaltowns.consumers.events;

import io.digitaltowns.events.wire.AvroEventDeserializer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One consumer group's entry point: decodes a record into its typed event, picks the handler for
 * that type, and runs it exactly once per event id (message log + effect in one transaction).
 * Event types the group has no handler for are skipped.
 */
public class EventDispatcher {

  private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

  private final String group;
  private final Map<Class<?>, EventHandler<?>> handlers;
  private final AvroEventDeserializer deserializer;
  private final ProcessedEvents processedEvents;
  private final TransactionTemplate transaction;

  public EventDispatcher(String group, List<? extends EventHandler<?>> handlers, AvroEventDeserializer deserializer,
                         ProcessedEvents processedEvents, TransactionTemplate transaction) {
    this.group = group;
    this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(EventHandler::eventType, Function.identity()));
    this.deserializer = deserializer;
    this.processedEvents = processedEvents;
    this.transaction = transaction;
  }

  public String group() {
    return group;
  }

  public void dispatch(byte[] value) {
    GenericContainer event = deserializer.deserialize(value);
    EventHandler<?> handler = handlers.get(event.getClass());
    if (handler == null) {
      // Not this group's business (the email group has nothing to say about a sign-in, say), or an
      // event type newer than this build (decoded as a generic record). Returning normally
      // acknowledges the record: the listener commits its offset and the partition moves on.
      // Throwing instead would retry it for the whole backoff, holding up that partition, and then
      // dead-letter a record nothing was wrong with. Nothing is written to processed_events either:
      // skipping is idempotent by itself, a row per ignored event would only grow the table, and
      // a replay after a handler for the type is added can still act on the older events.
      log.debug("{}: no handler for {}, skipped", group, event.getSchema().getFullName());
      return;
    }
    String eventId = String.valueOf(((GenericRecord) event).get("eventId"));
    transaction.executeWithoutResult(status -> {
      if (processedEvents.markProcessed(group, eventId)) {
        invoke(handler, (SpecificRecord) event);
      } else {
        log.debug("{}: event {} already processed, skipped", group, eventId);
      }
    });
  }

  @SuppressWarnings("unchecked")
  private static <T extends SpecificRecord> void invoke(EventHandler<T> handler, SpecificRecord event) {
    handler.handle((T) event);
  }
}
