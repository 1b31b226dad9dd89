package io.digitaltowns.consumers.crmview;

import io.digitaltowns.consumers.events.EventHandler;
import org.apache.avro.specific.SpecificRecord;

/** A handler that belongs to the {@code crm} consumer group: it projects one event type into the CRM read model. */
interface CrmViewHandler<T extends SpecificRecord> extends EventHandler<T> {
}
