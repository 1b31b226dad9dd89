package io.digitaltowns.api.billing.webhook;

import io.digitaltowns.api.outbox.OutboxWriter;
import io.digitaltowns.events.stripe.StripeEventReceived;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Table {@code stripe_events}: every verified Stripe event, raw, once; and its StripeEventReceived
 * in the outbox.
 */
@Component
class StripeEventLog {

  private final JdbcClient jdbc;
  private final OutboxWriter outbox;
  private final Clock clock;

  StripeEventLog(JdbcClient jdbc, OutboxWriter outbox, Clock clock) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Stores the event and writes its StripeEventReceived in one transaction, unless an event with
   * its id is stored already (a redelivery, also one racing the first delivery: the insert waits
   * for it and then does nothing).
   *
   * @return whether the event was new
   */
  @Transactional
  boolean recordOnce(StripeEventFacts facts, String payload, String traceId) {
    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    int inserted =
        jdbc.sql(
                """
            INSERT INTO stripe_events (id, type, created, livemode, api_version, object_type, object_id,
                                       subscription_id, customer_id, payload, received_at)
            VALUES (:id, :type, :created, :livemode, :apiVersion, :objectType, :objectId,
                    :subscriptionId, :customerId, :payload, :receivedAt)
            ON CONFLICT (id) DO NOTHING
            """)
            .param("id", facts.id())
            .param("type", facts.type())
            .param("created", Timestamp.from(facts.created()))
            .param("livemode", facts.livemode())
            .param("apiVersion", facts.apiVersion())
            .param("objectType", facts.objectType())
            .param("objectId", facts.objectId())
            .param("subscriptionId", facts.subscriptionId())
            .param("customerId", facts.customerId())
            .param("payload", payload)
            .param("receivedAt", Timestamp.from(now))
            .update();
    if (inserted == 0) {
      return false;
    }
    outbox.publish(
        facts.aggregateId(),
        traceId,
        StripeEventReceived.newBuilder()
            .setStripeEventId(facts.id())
            .setType(facts.type())
            .setCreated(facts.created())
            .setLivemode(facts.livemode())
            .setApiVersion(facts.apiVersion())
            .setPayload(payload)
            .setObjectType(facts.objectType())
            .setObjectId(facts.objectId())
            .setSubscriptionId(facts.subscriptionId())
            .setCustomerId(facts.customerId()));
    return true;
  }
}
