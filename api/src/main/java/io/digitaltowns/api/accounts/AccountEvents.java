package io.digitaltowns.api.accounts;

import io.digitaltowns.api.outbox.OutboxWriter;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Writes an account event, keyed by the user id, to the outbox in the caller's transaction. */
@Component
public class AccountEvents {

  static final String AGGREGATE_TYPE = "accounts";

  private final OutboxWriter outbox;

  AccountEvents(OutboxWriter outbox) {
    this.outbox = outbox;
  }

  /** Builds an event from its envelope values; the Avro builders share no interface to set them on. */
  /** @return the id of the written event */
  public UUID publish(UUID id, String traceId, OutboxWriter.EventBuilder builder) {
    return outbox.publish(AGGREGATE_TYPE, id, traceId, builder);
  }
}
