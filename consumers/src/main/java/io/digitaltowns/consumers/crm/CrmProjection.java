package io.digitaltowns.consumers.crm;

import io.digitaltowns.consumers.events.EventHandler;
import java.util.List;

/** Folds the events that change one read-model table into it: one handler per event type. */
interface CrmProjection {

  List<EventHandler<?>> handlers();
}
