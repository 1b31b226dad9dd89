package io.digitaltowns.consumers.events;

import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;

/** Reacts to one event type. Runs inside the transaction that records the event as processed. */
public interface EventHandler<T extends SpecificRecord> {

  Class<T> eventType();

  void handle(T event);

  /**
   * A handler made of a method: a projection that folds several event types into one table lists
   * one per type.
   */
  static <T extends SpecificRecord> EventHandler<T> of(Class<T> eventType, Consumer<T> handling) {
    return new EventHandler<>() {
      @Override
      public Class<T> eventType() {
        return eventType;
      }

      @Override
      public void handle(T event) {
        handling.accept(event);
      }

      @Override
      public String toString() {
        return "handler of " + eventType.getSimpleName();
      }
    };
  }
}
