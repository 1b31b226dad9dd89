package io.digitaltowns.consumers.email;

import io.digitaltowns.consumers.events.EventHandler;
import org.apache.avro.specific.SpecificRecord;

/** A handler that belongs to the {@code email} consumer group. */
public interface EmailHandler<T extends SpecificRecord> extends EventHandler<T> {}
