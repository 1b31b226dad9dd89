package io.digitaltowns.consumers.events;

import org.apache.avro.specific.SpecificRecord;

/** Reacts to one event type. Runs inside the transaction that records the event as processed. */
public interface EventHandler<T extends SpecificRecord> {

  Class<T> eventType();

  void handle(T event);
}
