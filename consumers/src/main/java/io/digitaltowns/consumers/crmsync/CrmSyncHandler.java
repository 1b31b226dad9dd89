package io.digitaltowns.consumers.crmsync;

import io.digitaltowns.consumers.events.EventHandler;
import org.apache.avro.specific.SpecificRecord;

/** A handler that belongs to the {@code crm-sync} consumer group. */
interface CrmSyncHandler<T extends SpecificRecord> extends EventHandler<T> {}
