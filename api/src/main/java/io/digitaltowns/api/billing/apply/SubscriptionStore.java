package io.digitaltowns.api.billing.apply;

import io.digitaltowns.api.billing.apply.SubscriptionLedger.Outcome;
import io.digitaltowns.api.billing.apply.SubscriptionTransitions.State;
import io.digitaltowns.api.billing.apply.SubscriptionTransitions.Transition;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ledger's tables: which Stripe events were applied ({@code applied_stripe_events}), each
 * subscription's state and once-only markers ({@code billing_subscriptions}), invoice payments
 * ({@code billing_invoice_payments}) and the business's current subscription ({@code
 * business_billing}). Called inside the ledger's transaction.
 */
@Component
class SubscriptionStore {

  /** One stored subscription: whose it is, and its state. */
  record Subscription(String subscriptionId, UUID businessId, String customerId, State state) {}

  /** The amount of a subscription's first paid invoice. */
  record FirstPayment(long amount, String currency) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  SubscriptionStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * @return whether the Stripe event is new (then it is claimed as pending); false when it was
   *     applied before
   */
  boolean claim(String stripeEventId, String type) {
    return jdbc.sql(
                """
            INSERT INTO applied_stripe_events (event_id, type, outcome, applied_at)
            VALUES (:id, :type, 'pending', :now) ON CONFLICT (event_id) DO NOTHING
            """)
            .param("id", stripeEventId)
            .param("type", type)
            .param("now", Timestamp.from(clock.instant()))
            .update()
        == 1;
  }

  void finish(String stripeEventId, Outcome outcome, UUID businessId) {
    jdbc.sql(
            "UPDATE applied_stripe_events SET outcome = :outcome, business_id = :businessId WHERE event_id = :id")
        .param("outcome", outcome.name().toLowerCase())
        .param("businessId", businessId)
        .param("id", stripeEventId)
        .update();
  }

  void markUnreadable(String stripeEventId, String type) {
    jdbc.sql(
            """
            INSERT INTO applied_stripe_events (event_id, type, outcome, applied_at)
            VALUES (:id, :type, 'unreadable', :now) ON CONFLICT (event_id) DO NOTHING
            """)
        .param("id", stripeEventId)
        .param("type", type)
        .param("now", Timestamp.from(clock.instant()))
        .update();
  }

  /**
   * The business of a subscription: as linked before, else by the business's Stripe customer, else
   * by the business id Checkout put in the metadata (then the customer is kept as the business's).
   */
  UUID businessOf(String subscriptionId, String customerId, String businessRef) {
    if (subscriptionId != null) {
      Optional<UUID> linked =
          jdbc.sql("SELECT business_id FROM billing_subscriptions WHERE subscription_id = :id")
              .param("id", subscriptionId)
              .query(UUID.class)
              .optional();
      if (linked.isPresent()) {
        return linked.get();
      }
    }
    if (customerId != null) {
      Optional<UUID> byCustomer =
          jdbc.sql("SELECT business_id FROM business_billing WHERE stripe_customer_id = :id")
              .param("id", customerId)
              .query(UUID.class)
              .optional();
      if (byCustomer.isPresent()) {
        return byCustomer.get();
      }
    }
    if (businessRef == null) {
      return null;
    }
    UUID businessId;
    try {
      businessId = UUID.fromString(businessRef);
    } catch (IllegalArgumentException e) {
      return null;
    }
    boolean exists =
        jdbc.sql("SELECT count(*) FROM businesses WHERE id = :id")
                .param("id", businessId)
                .query(Long.class)
                .single()
            > 0;
    if (!exists) {
      return null;
    }
    if (customerId != null) {
      jdbc.sql(
              """
              INSERT INTO business_billing (business_id, stripe_customer_id) VALUES (:business, :customer)
              ON CONFLICT DO NOTHING
              """)
          .param("business", businessId)
          .param("customer", customerId)
          .update();
    }
    return businessId;
  }

  /** One business's billing is applied by one transaction at a time. */
  void lock(UUID businessId) {
    jdbc.sql("SELECT id FROM businesses WHERE id = :id FOR NO KEY UPDATE")
        .param("id", businessId)
        .query(UUID.class)
        .optional();
  }

  void link(String subscriptionId, UUID businessId, String customerId) {
    String customer =
        customerId != null
            ? customerId
            : jdbc.sql("SELECT stripe_customer_id FROM business_billing WHERE business_id = :id")
                .param("id", businessId)
                .query(String.class)
                .optional()
                .orElse("");
    jdbc.sql(
            """
            INSERT INTO billing_subscriptions (subscription_id, business_id, customer_id)
            VALUES (:id, :business, :customer) ON CONFLICT (subscription_id) DO NOTHING
            """)
        .param("id", subscriptionId)
        .param("business", businessId)
        .param("customer", customer)
        .update();
  }

  Optional<Subscription> subscription(String subscriptionId) {
    return jdbc.sql(
            """
            SELECT subscription_id, business_id, customer_id, status, current_period_end, cancel_at, cancel_requested,
                   past_due_since, state_as_of, activated_at, canceled_at, ended_at
            FROM billing_subscriptions WHERE subscription_id = :id
            """)
        .param("id", subscriptionId)
        .query(
            (rs, n) ->
                new Subscription(
                    rs.getString("subscription_id"),
                    rs.getObject("business_id", UUID.class),
                    rs.getString("customer_id"),
                    new State(
                        rs.getString("status"),
                        instant(rs.getTimestamp("current_period_end")),
                        instant(rs.getTimestamp("cancel_at")),
                        rs.getBoolean("cancel_requested"),
                        instant(rs.getTimestamp("past_due_since")),
                        instant(rs.getTimestamp("state_as_of")),
                        rs.getTimestamp("activated_at") != null,
                        rs.getTimestamp("canceled_at") != null,
                        rs.getTimestamp("ended_at") != null)))
        .optional();
  }

  /**
   * Writes what the transition changed: the snapshot's columns (and business_billing), and each new
   * marker.
   */
  void save(Subscription subscription, Transition transition) {
    State before = subscription.state();
    State next = transition.next();
    String id = subscription.subscriptionId();
    if (transition.snapshotStored()) {
      jdbc.sql(
              """
              UPDATE billing_subscriptions
              SET status = :status, current_period_end = :periodEnd, cancel_at = :cancelAt,
                  cancel_requested = :cancelRequested, past_due_since = :pastDueSince, state_as_of = :asOf,
                  updated_at = now()
              WHERE subscription_id = :id
              """)
          .param("status", next.status())
          .param("periodEnd", timestamp(next.currentPeriodEnd()))
          .param("cancelAt", timestamp(next.cancelAt()))
          .param("cancelRequested", next.cancelRequested())
          .param("pastDueSince", timestamp(next.pastDueSince()))
          .param("asOf", timestamp(next.stateAsOf()))
          .param("id", id)
          .update();
      mirror(id);
    }
    if (next.activated() && !before.activated()) {
      mark(id, "activated_at");
    }
    if (next.cancelAnnounced() && !before.cancelAnnounced()) {
      mark(id, "canceled_at");
    }
    if (next.endAnnounced() && !before.endAnnounced()) {
      mark(id, "ended_at");
    }
  }

  /**
   * Sets a once-per-subscription marker column (the ledger holds the business's lock, so it was
   * unset).
   */
  private void mark(String subscriptionId, String column) {
    jdbc.sql(
            "UPDATE billing_subscriptions SET "
                + column
                + " = :now WHERE subscription_id = :id AND "
                + column
                + " IS NULL")
        .param("now", Timestamp.from(clock.instant()))
        .param("id", subscriptionId)
        .update();
  }

  /**
   * business_billing shows the business's current subscription: this one, unless another live one
   * is current.
   */
  void mirror(String subscriptionId) {
    jdbc.sql(
            """
            UPDATE business_billing bb
            SET subscription_id = s.subscription_id, status = s.status, current_period_end = s.current_period_end,
                cancel_at = s.cancel_at, state_as_of = s.state_as_of, updated_at = now()
            FROM billing_subscriptions s
            WHERE s.subscription_id = :id AND bb.business_id = s.business_id
              AND (bb.subscription_id IS NULL OR bb.subscription_id = s.subscription_id
                   OR (coalesce(bb.status, 'canceled') IN ('canceled', 'incomplete_expired')
                       AND coalesce(s.status, '') NOT IN ('canceled', 'incomplete_expired')))
            """)
        .param("id", subscriptionId)
        .update();
  }

  /**
   * @return whether this payment (or failed attempt) of the invoice is new
   */
  boolean recordPayment(
      InvoiceFacts invoice,
      Subscription subscription,
      String outcome,
      int attempt,
      long amount,
      String stripeEventId) {
    return jdbc.sql(
                """
            INSERT INTO billing_invoice_payments (invoice_id, attempt, subscription_id, business_id, outcome,
                                                  billing_reason, amount, currency, period_end, stripe_event_id)
            VALUES (:invoice, :attempt, :subscription, :business, :outcome, :reason, :amount, :currency, :periodEnd,
                    :stripeEventId)
            ON CONFLICT DO NOTHING
            """)
            .param("invoice", invoice.id())
            .param("attempt", attempt)
            .param("subscription", subscription.subscriptionId())
            .param("business", subscription.businessId())
            .param("outcome", outcome)
            .param("reason", invoice.billingReason())
            .param("amount", amount)
            .param("currency", invoice.currency())
            .param("periodEnd", timestamp(invoice.periodEnd()))
            .param("stripeEventId", stripeEventId)
            .update()
        == 1;
  }

  Optional<FirstPayment> firstPayment(String subscriptionId) {
    return jdbc.sql(
            """
            SELECT amount, currency FROM billing_invoice_payments
            WHERE subscription_id = :id AND outcome = 'paid' AND billing_reason = 'subscription_create'
            ORDER BY recorded_at LIMIT 1
            """)
        .param("id", subscriptionId)
        .query((rs, n) -> new FirstPayment(rs.getLong("amount"), rs.getString("currency")))
        .optional();
  }

  String ownerEmail(UUID businessId) {
    return jdbc.sql(
            "SELECT u.email FROM businesses b JOIN users u ON u.id = b.owner_id WHERE b.id = :id")
        .param("id", businessId)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
