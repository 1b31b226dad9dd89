package io.digitaltowns.api.billing.apply;

import static io.digitaltowns.api.billing.apply.StripeJson.idOf;
import static io.digitaltowns.api.billing.apply.StripeJson.string;
import static io.digitaltowns.api.billing.apply.StripeJson.time;

import com.stripe.exception.StripeException;
import com.stripe.model.Subscription;
import io.digitaltowns.api.billing.StripeApi;
import io.digitaltowns.api.outbox.OutboxWriter;
import io.digitaltowns.events.billing.PaymentFailed;
import io.digitaltowns.events.billing.SubscriptionActivated;
import io.digitaltowns.events.billing.SubscriptionCanceled;
import io.digitaltowns.events.billing.SubscriptionEnded;
import io.digitaltowns.events.billing.SubscriptionRenewed;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies one Stripe event to the subscription state of the business it concerns, in one transaction, so that
 * Stripe's truth wins whatever the order and number of deliveries:
 *
 * <ul>
 *   <li>each Stripe event id is applied once ({@code applied_stripe_events});</li>
 *   <li>a subscription snapshot older (by the event's {@code created}) than the stored state changes no state, and a
 *       canceled or expired subscription never comes back;</li>
 *   <li>every domain event on {@code dt.billing.events} is emitted on the first evidence of its transition and marked
 *       in the database, so it is never emitted twice: SubscriptionActivated (first active/trialing snapshot or paid
 *       first invoice), SubscriptionCanceled (first snapshot with a cancellation requested), SubscriptionEnded (first
 *       canceled snapshot) once per subscription; SubscriptionRenewed once per paid renewal invoice; PaymentFailed
 *       once per invoice and attempt. Evidence counts even when it arrives late (an old snapshot still proves the
 *       subscription was active), so any order of the same deliveries emits the same events;</li>
 *   <li>an invoice of a subscription whose state was never seen fetches the subscription from Stripe;</li>
 *   <li>{@code businesses.featured} is recomputed from the stored state (see {@link FeaturedFlag}).</li>
 * </ul>
 */
@Service
public class SubscriptionLedger {

  private static final Logger log = LoggerFactory.getLogger(SubscriptionLedger.class);

  public enum Outcome {
    /** The event changed the stored state or emitted a domain event. */
    APPLIED,
    /** A subscription snapshot older than the stored state: only its evidence of past transitions counted. */
    STALE,
    /** A type or object that does not concern subscriptions (one-off payment, unknown type). */
    IGNORED,
    /** No business could be found for the event's subscription or customer. */
    NO_BUSINESS,
    /** Applied before. */
    DUPLICATE
  }

  private record Result(Outcome outcome, UUID businessId) {
  }

  /** The stored state of one subscription. */
  private record Row(String subscriptionId, UUID businessId, String customerId, String status,
                     Instant currentPeriodEnd, Instant pastDueSince, Instant stateAsOf) {

    boolean ended() {
      return status != null && SubscriptionSnapshot.ENDED.contains(status);
    }
  }

  private final JdbcClient jdbc;
  private final OutboxWriter outbox;
  private final JsonMapper json;
  private final Clock clock;
  private final StripeApi stripe;
  private final FeaturedFlag featured;

  SubscriptionLedger(JdbcClient jdbc, OutboxWriter outbox, JsonMapper json, Clock clock, StripeApi stripe,
                     FeaturedFlag featured) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.json = json;
    this.clock = clock;
    this.stripe = stripe;
    this.featured = featured;
  }

  /**
   * Applies one Stripe event (the raw payload as Stripe signed it).
   *
   * @throws IllegalArgumentException when the payload is no Stripe event
   * @throws io.digitaltowns.api.billing.PaymentProviderUnavailableException when Stripe had to be asked and did not
   *                                                                         answer (nothing is applied; retry)
   */
  @Transactional
  public Outcome apply(String payload) {
    JsonNode event = json.readTree(payload);
    String id = string(event.get("id"));
    String type = string(event.get("type"));
    Instant created = time(event.get("created"));
    JsonNode object = event.path("data").path("object");
    if (id == null || type == null || created == null || !object.isObject()) {
      throw new IllegalArgumentException("not a Stripe event");
    }
    int fresh = jdbc.sql("""
            INSERT INTO applied_stripe_events (event_id, type, outcome, applied_at)
            VALUES (:id, :type, 'pending', :now) ON CONFLICT (event_id) DO NOTHING
            """)
        .param("id", id).param("type", type).param("now", Timestamp.from(clock.instant()))
        .update();
    if (fresh == 0) {
      return Outcome.DUPLICATE;
    }
    Result result = switch (type) {
      case "checkout.session.completed" -> checkoutCompleted(object);
      case "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted",
           "customer.subscription.paused", "customer.subscription.resumed" ->
          subscriptionChanged(SubscriptionSnapshot.of(object), created, id);
      case "invoice.paid" -> invoicePaid(InvoiceFacts.of(object), created, id);
      case "invoice.payment_failed" -> paymentFailed(InvoiceFacts.of(object), created, id);
      default -> new Result(Outcome.IGNORED, null);
    };
    jdbc.sql("UPDATE applied_stripe_events SET outcome = :outcome, business_id = :businessId WHERE event_id = :id")
        .param("outcome", result.outcome().name().toLowerCase()).param("businessId", result.businessId())
        .param("id", id)
        .update();
    if (result.businessId() != null) {
      featured.refresh(result.businessId());
    }
    log.info("Stripe event {} ({}): {}{}", id, type, result.outcome().name().toLowerCase(),
        result.businessId() == null ? "" : " for business " + result.businessId());
    return result.outcome();
  }

  /**
   * Records an event the ledger cannot read as applied (outcome {@code unreadable}), so that it is not tried again
   * on every pass; it stays in stripe_events for a person to look at.
   */
  @Transactional
  public void markUnreadable(String stripeEventId, String type) {
    jdbc.sql("""
            INSERT INTO applied_stripe_events (event_id, type, outcome, applied_at)
            VALUES (:id, :type, 'unreadable', :now) ON CONFLICT (event_id) DO NOTHING
            """)
        .param("id", stripeEventId).param("type", type).param("now", Timestamp.from(clock.instant()))
        .update();
  }

  // --- event types ---------------------------------------------------------------------------------------------

  private Result checkoutCompleted(JsonNode session) {
    if (!"subscription".equals(string(session.get("mode")))) {
      return new Result(Outcome.IGNORED, null);
    }
    String subscriptionId = idOf(session.get("subscription"));
    String customerId = idOf(session.get("customer"));
    String businessRef = string(session.get("client_reference_id"));
    if (businessRef == null) {
      businessRef = string(session.path("metadata").get("business_id"));
    }
    UUID businessId = businessOf(subscriptionId, customerId, businessRef);
    if (businessId == null) {
      return new Result(Outcome.NO_BUSINESS, null);
    }
    lock(businessId);
    if (subscriptionId != null) {
      link(subscriptionId, businessId, customerId);
      mirror(subscriptionId);
    }
    return new Result(Outcome.APPLIED, businessId);
  }

  private Result subscriptionChanged(SubscriptionSnapshot snapshot, Instant asOf, String stripeEventId) {
    UUID businessId = businessOf(snapshot.id(), snapshot.customerId(), snapshot.businessId());
    if (businessId == null) {
      return new Result(Outcome.NO_BUSINESS, null);
    }
    lock(businessId);
    link(snapshot.id(), businessId, snapshot.customerId());
    boolean newer = applySnapshot(snapshot, asOf);
    boolean emitted = evidence(snapshot, asOf, stripeEventId);
    return new Result(newer || emitted ? Outcome.APPLIED : Outcome.STALE, businessId);
  }

  private Result invoicePaid(InvoiceFacts invoice, Instant created, String stripeEventId) {
    if (invoice.subscriptionId() == null || invoice.id() == null) {
      return new Result(Outcome.IGNORED, null);
    }
    UUID businessId = businessOf(invoice.subscriptionId(), invoice.customerId(), null);
    if (businessId == null) {
      return new Result(Outcome.NO_BUSINESS, null);
    }
    lock(businessId);
    link(invoice.subscriptionId(), businessId, invoice.customerId());
    Row row = row(invoice.subscriptionId()).orElseThrow();
    if (row.stateAsOf() == null) {
      row = fetchCurrent(row);
    }
    int recorded = recordPayment(invoice, row, "paid", 0, invoice.amountPaid(), stripeEventId);
    if (recorded == 0) {
      return new Result(Outcome.STALE, businessId);
    }
    if (invoice.firstOfSubscription()) {
      String status = row.status() != null && SubscriptionSnapshot.ACTIVE.contains(row.status()) ? row.status()
          : "active";
      Instant periodEnd = firstNonNull(invoice.periodEnd(), row.currentPeriodEnd(), created);
      emitActivated(row, status, periodEnd, null, stripeEventId);
    } else {
      Instant periodEnd = firstNonNull(invoice.periodEnd(), row.currentPeriodEnd(), created);
      String ownerEmail = ownerEmail(businessId);
      Row subscription = row;
      outbox.publish(businessId, null,
          SubscriptionRenewed.newBuilder()
              .setBusinessId(businessId.toString()).setSubscriptionId(subscription.subscriptionId())
              .setCustomerId(subscription.customerId()).setOwnerEmail(ownerEmail).setStripeEventId(stripeEventId)
              .setCurrentPeriodEnd(periodEnd).setAmount(invoice.amountPaid()).setCurrency(invoice.currency())
              .setInvoiceId(invoice.id()));
    }
    return new Result(Outcome.APPLIED, businessId);
  }

  private Result paymentFailed(InvoiceFacts invoice, Instant created, String stripeEventId) {
    if (invoice.subscriptionId() == null || invoice.id() == null) {
      return new Result(Outcome.IGNORED, null);
    }
    UUID businessId = businessOf(invoice.subscriptionId(), invoice.customerId(), null);
    if (businessId == null) {
      return new Result(Outcome.NO_BUSINESS, null);
    }
    lock(businessId);
    link(invoice.subscriptionId(), businessId, invoice.customerId());
    Row row = row(invoice.subscriptionId()).orElseThrow();
    if (row.stateAsOf() == null) {
      row = fetchCurrent(row);
    }
    int recorded = recordPayment(invoice, row, "failed", Math.max(1, invoice.attemptCount()), invoice.amountDue(),
        stripeEventId);
    if (recorded == 0) {
      return new Result(Outcome.STALE, businessId);
    }
    String ownerEmail = ownerEmail(businessId);
    Row subscription = row;
    outbox.publish(businessId, null,
        PaymentFailed.newBuilder()
            .setBusinessId(businessId.toString()).setSubscriptionId(subscription.subscriptionId())
            .setCustomerId(subscription.customerId()).setOwnerEmail(ownerEmail).setStripeEventId(stripeEventId)
            .setAmount(invoice.amountDue()).setCurrency(invoice.currency()).setInvoiceId(invoice.id())
            .setNextPaymentAttempt(invoice.nextPaymentAttempt())
            // a portal session expires within minutes: the email links to the app, which makes one on click
            .setPortalUrl(null));
    return new Result(Outcome.APPLIED, businessId);
  }

  // --- state ---------------------------------------------------------------------------------------------------

  /**
   * Stores the snapshot unless the stored state is newer (by Stripe time) or ended. On equal times an ended
   * snapshot wins; between two live snapshots of the same second the later delivery wins.
   *
   * @return whether the snapshot was stored
   */
  private boolean applySnapshot(SubscriptionSnapshot snapshot, Instant asOf) {
    Row row = row(snapshot.id()).orElseThrow();
    if (row.stateAsOf() != null) {
      if (row.ended() && !snapshot.ended()) {
        return false;
      }
      if (asOf.isBefore(row.stateAsOf())) {
        return false;
      }
    }
    Instant pastDueSince = null;
    if ("past_due".equals(snapshot.status())) {
      pastDueSince = "past_due".equals(row.status()) && row.pastDueSince() != null ? row.pastDueSince() : asOf;
    }
    jdbc.sql("""
            UPDATE billing_subscriptions
            SET status = :status, current_period_end = :periodEnd, cancel_at = :cancelAt,
                cancel_requested = :cancelRequested, past_due_since = :pastDueSince, state_as_of = :asOf,
                updated_at = now()
            WHERE subscription_id = :id
            """)
        .param("status", snapshot.status()).param("periodEnd", timestamp(snapshot.currentPeriodEnd()))
        .param("cancelAt", timestamp(snapshot.cancelAt())).param("cancelRequested", snapshot.cancelRequested())
        .param("pastDueSince", timestamp(pastDueSince)).param("asOf", timestamp(asOf)).param("id", snapshot.id())
        .update();
    mirror(snapshot.id());
    return true;
  }

  /**
   * Emits what the snapshot proves happened, old or not, each once per subscription.
   *
   * @return whether anything was emitted
   */
  private boolean evidence(SubscriptionSnapshot snapshot, Instant asOf, String stripeEventId) {
    Row row = row(snapshot.id()).orElseThrow();
    boolean emitted = false;
    if (snapshot.active()) {
      emitted |= emitActivated(row, snapshot.status(),
          firstNonNull(snapshot.currentPeriodEnd(), row.currentPeriodEnd(), asOf), snapshot.trialEnd(),
          stripeEventId);
    }
    boolean canceled = "canceled".equals(snapshot.status());
    if ((snapshot.cancelRequested() || canceled) && !"incomplete_expired".equals(snapshot.status())
        && mark(row.subscriptionId(), "canceled_at")) {
      Instant cancelAt = snapshot.cancelAt();
      String ownerEmail = ownerEmail(row.businessId());
      outbox.publish(row.businessId(), null,
          SubscriptionCanceled.newBuilder()
              .setBusinessId(row.businessId().toString()).setSubscriptionId(row.subscriptionId())
              .setCustomerId(row.customerId()).setOwnerEmail(ownerEmail).setStripeEventId(stripeEventId)
              .setCancelAt(cancelAt).setReason(snapshot.cancellationReason()));
      emitted = true;
    }
    if (canceled && mark(row.subscriptionId(), "ended_at")) {
      Instant endedAt = firstNonNull(snapshot.endedAt(), snapshot.canceledAt(), asOf);
      String ownerEmail = ownerEmail(row.businessId());
      outbox.publish(row.businessId(), null,
          SubscriptionEnded.newBuilder()
              .setBusinessId(row.businessId().toString()).setSubscriptionId(row.subscriptionId())
              .setCustomerId(row.customerId()).setOwnerEmail(ownerEmail).setStripeEventId(stripeEventId)
              .setEndedAt(endedAt).setReason(snapshot.cancellationReason()));
      emitted = true;
    }
    return emitted;
  }

  private boolean emitActivated(Row row, String status, Instant periodEnd, Instant trialEnd, String stripeEventId) {
    if (!mark(row.subscriptionId(), "activated_at")) {
      return false;
    }
    record FirstPayment(long amount, String currency) {
    }
    Optional<FirstPayment> first = jdbc.sql("""
            SELECT amount, currency FROM billing_invoice_payments
            WHERE subscription_id = :id AND outcome = 'paid' AND billing_reason = 'subscription_create'
            ORDER BY recorded_at LIMIT 1
            """)
        .param("id", row.subscriptionId())
        .query((rs, n) -> new FirstPayment(rs.getLong("amount"), rs.getString("currency")))
        .optional();
    String ownerEmail = ownerEmail(row.businessId());
    outbox.publish(row.businessId(), null,
        SubscriptionActivated.newBuilder()
            .setBusinessId(row.businessId().toString()).setSubscriptionId(row.subscriptionId())
            .setCustomerId(row.customerId()).setOwnerEmail(ownerEmail).setStripeEventId(stripeEventId)
            .setStatus(status).setCurrentPeriodEnd(periodEnd).setTrialEnd(trialEnd)
            .setAmount(first.map(FirstPayment::amount).orElse(null))
            .setCurrency(first.map(FirstPayment::currency).orElse(null)));
    return true;
  }

  /** Sets a once-per-subscription marker column. @return whether it was unset (the caller emits its event) */
  private boolean mark(String subscriptionId, String column) {
    return jdbc.sql("UPDATE billing_subscriptions SET " + column + " = :now WHERE subscription_id = :id AND "
            + column + " IS NULL")
        .param("now", Timestamp.from(clock.instant())).param("id", subscriptionId)
        .update() == 1;
  }

  private int recordPayment(InvoiceFacts invoice, Row row, String outcome, int attempt, long amount,
                            String stripeEventId) {
    return jdbc.sql("""
            INSERT INTO billing_invoice_payments (invoice_id, attempt, subscription_id, business_id, outcome,
                                                  billing_reason, amount, currency, period_end, stripe_event_id)
            VALUES (:invoice, :attempt, :subscription, :business, :outcome, :reason, :amount, :currency, :periodEnd,
                    :stripeEventId)
            ON CONFLICT DO NOTHING
            """)
        .param("invoice", invoice.id()).param("attempt", attempt).param("subscription", row.subscriptionId())
        .param("business", row.businessId()).param("outcome", outcome).param("reason", invoice.billingReason())
        .param("amount", amount).param("currency", invoice.currency())
        .param("periodEnd", timestamp(invoice.periodEnd())).param("stripeEventId", stripeEventId)
        .update();
  }

  /**
   * The subscription as Stripe has it now, stored with the time of asking: for an invoice of a subscription whose
   * state no event has told yet.
   */
  private Row fetchCurrent(Row row) {
    if (!stripe.properties().enabled()) {
      return row;
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    SubscriptionSnapshot snapshot;
    try {
      Subscription subscription = stripe.client().v1().subscriptions().retrieve(row.subscriptionId());
      snapshot = SubscriptionSnapshot.of(json.readTree(subscription.getLastResponse().body()));
    } catch (StripeException e) {
      throw stripe.failed("retrieve subscription", e);
    }
    applySnapshot(snapshot, now);
    evidence(snapshot, now, null);
    return row(row.subscriptionId()).orElseThrow();
  }

  /** business_billing shows the business's current subscription: this one, unless another live one is current. */
  private void mirror(String subscriptionId) {
    jdbc.sql("""
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

  // --- lookups -------------------------------------------------------------------------------------------------

  /**
   * The business of a subscription: as linked before, else by the business's Stripe customer, else by the business
   * id Checkout put in the metadata (then the customer is kept as the business's).
   */
  private UUID businessOf(String subscriptionId, String customerId, String businessRef) {
    if (subscriptionId != null) {
      Optional<UUID> linked = jdbc.sql("SELECT business_id FROM billing_subscriptions WHERE subscription_id = :id")
          .param("id", subscriptionId).query(UUID.class).optional();
      if (linked.isPresent()) {
        return linked.get();
      }
    }
    if (customerId != null) {
      Optional<UUID> byCustomer = jdbc.sql("SELECT business_id FROM business_billing WHERE stripe_customer_id = :id")
          .param("id", customerId).query(UUID.class).optional();
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
    boolean exists = jdbc.sql("SELECT count(*) FROM businesses WHERE id = :id").param("id", businessId)
        .query(Long.class).single() > 0;
    if (!exists) {
      return null;
    }
    if (customerId != null) {
      jdbc.sql("""
              INSERT INTO business_billing (business_id, stripe_customer_id) VALUES (:business, :customer)
              ON CONFLICT DO NOTHING
              """)
          .param("business", businessId).param("customer", customerId).update();
    }
    return businessId;
  }

  /** One business's billing is applied by one transaction at a time. */
  private void lock(UUID businessId) {
    jdbc.sql("SELECT id FROM businesses WHERE id = :id FOR NO KEY UPDATE").param("id", businessId)
        .query(UUID.class).optional();
  }

  private void link(String subscriptionId, UUID businessId, String customerId) {
    String customer = customerId != null ? customerId
        : jdbc.sql("SELECT stripe_customer_id FROM business_billing WHERE business_id = :id").param("id", businessId)
            .query(String.class).optional().orElse("");
    jdbc.sql("""
            INSERT INTO billing_subscriptions (subscription_id, business_id, customer_id)
            VALUES (:id, :business, :customer) ON CONFLICT (subscription_id) DO NOTHING
            """)
        .param("id", subscriptionId).param("business", businessId).param("customer", customer)
        .update();
  }

  private Optional<Row> row(String subscriptionId) {
    return jdbc.sql("""
            SELECT subscription_id, business_id, customer_id, status, current_period_end, past_due_since, state_as_of
            FROM billing_subscriptions WHERE subscription_id = :id
            """)
        .param("id", subscriptionId)
        .query((rs, n) -> new Row(rs.getString("subscription_id"), rs.getObject("business_id", UUID.class),
            rs.getString("customer_id"), rs.getString("status"), instant(rs.getTimestamp("current_period_end")),
            instant(rs.getTimestamp("past_due_since")), instant(rs.getTimestamp("state_as_of"))))
        .optional();
  }

  private String ownerEmail(UUID businessId) {
    return jdbc.sql("SELECT u.email FROM businesses b JOIN users u ON u.id = b.owner_id WHERE b.id = :id")
        .param("id", businessId).query(String.class).optional().orElse(null);
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
