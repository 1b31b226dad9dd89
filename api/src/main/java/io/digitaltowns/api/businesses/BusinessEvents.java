package io.digitaltowns.api.businesses;

import io.digitaltowns.api.outbox.OutboxWriter;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Writes a business event, keyed by the business id, to the outbox in the caller's transaction. */
@Component
public class BusinessEvents {

  static final String AGGREGATE_TYPE = "businesses";

  private final OutboxWriter outbox;

  BusinessEvents(OutboxWriter outbox) {
    this.outbox = outbox;
  }

  /** @return the id of the written event */
  public UUID publish(UUID id, String traceId, OutboxWriter.EventBuilder builder) {
    return outbox.publish(AGGREGATE_TYPE, id, traceId, builder);
  }
}
