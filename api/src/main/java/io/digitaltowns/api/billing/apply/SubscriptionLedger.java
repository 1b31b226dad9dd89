package io.digitaltowns.api.billing.apply;

import static io.digitaltowns.api.billing.apply.StripeJson.idOf;
import static io.digitaltowns.api.billing.apply.StripeJson.string;
import static io.digitaltowns.api.billing.apply.StripeJson.time;

import com.stripe.exception.StripeException;
import io.digitaltowns.api.billing.StripeApi;
import io.digitaltowns.api.billing.apply.SubscriptionStore.Subscription;
import io.digitaltowns.api.billing.apply.SubscriptionTransitions.BillingEvent;
import io.digitaltowns.api.billing.apply.SubscriptionTransitions.Fact;
import io.digitaltowns.api.billing.apply.SubscriptionTransitions.InvoicePaid;
import io.digitaltowns.api.billing.apply.SubscriptionTransitions.InvoicePaymentFailed;
import io.digitaltowns.api.billing.apply.SubscriptionTransitions.SubscriptionSeen;
import io.digitaltowns.api.billing.apply.SubscriptionTransitions.Transition;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies one Stripe event to the subscription state of the business it concerns, in one
 * transaction, so that Stripe's truth wins whatever the order and number of deliveries:
 *
 * <ul>
 *   <li>each Stripe event id is applied once ({@code applied_stripe_events});
 *   <li>a subscription snapshot older (by the event's {@code created}) than the stored state
 *       changes no state, and a canceled or expired subscription never comes back;
 *   <li>every domain event on {@code dt.billing.events} is emitted on the first evidence of its
 *       transition and marked in the database, so it is never emitted twice: SubscriptionActivated
 *       (first active/trialing snapshot or paid first invoice), SubscriptionCanceled (first
 *       snapshot with a cancellation requested), SubscriptionEnded (first canceled snapshot) once
 *       per subscription; SubscriptionRenewed once per paid renewal invoice; PaymentFailed once per
 *       invoice and attempt. Evidence counts even when it arrives late (an old snapshot still
 *       proves the subscription was active), so any order of the same deliveries emits the same
 *       events;
 *   <li>an invoice of a subscription whose state was never seen fetches the subscription from
 *       Stripe;
 *   <li>{@code businesses.featured} is recomputed from the stored state (see {@link FeaturedFlag}).
 * </ul>
 *
 * <p>What each event does to a subscription is the pure {@link SubscriptionTransitions} (the table
 * of {@code docs/billing.md}); the ledger finds the business, takes its lock, loads the state
 * ({@link SubscriptionStore}), stores the transition's result and emits its billing events ({@link
 * BillingEventEmitter}).
 */
@Service
public class SubscriptionLedger {

  private static final Logger log = LoggerFactory.getLogger(SubscriptionLedger.class);

  public enum Outcome {
    /** The event changed the stored state or emitted a domain event. */
    APPLIED,
    /**
     * A subscription snapshot older than the stored state: only its evidence of past transitions
     * counted.
     */
    STALE,
    /** A type or object that does not concern subscriptions (one-off payment, unknown type). */
    IGNORED,
    /** No business could be found for the event's subscription or customer. */
    NO_BUSINESS,
    /** Applied before. */
    DUPLICATE
  }

  private record Result(Outcome outcome, UUID businessId) {}

  private final SubscriptionStore store;
  private final BillingEventEmitter emitter;
  private final JsonMapper json;
  private final Clock clock;
  private final StripeApi stripe;
  private final FeaturedFlag featured;

  SubscriptionLedger(
      SubscriptionStore store,
      BillingEventEmitter emitter,
      JsonMapper json,
      Clock clock,
      StripeApi stripe,
      FeaturedFlag featured) {
    this.store = store;
    this.emitter = emitter;
    this.json = json;
    this.clock = clock;
    this.stripe = stripe;
    this.featured = featured;
  }

  /**
   * Applies one Stripe event (the raw payload as Stripe signed it).
   *
   * @throws IllegalArgumentException when the payload is no Stripe event
   * @throws io.digitaltowns.api.billing.PaymentProviderUnavailableException when Stripe had to be
   *     asked and did not answer (nothing is applied; retry)
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
    if (!store.claim(id, type)) {
      return Outcome.DUPLICATE;
    }
    Result result =
        switch (type) {
          case "checkout.session.completed" -> checkoutCompleted(object);
          case "customer.subscription.created",
              "customer.subscription.updated",
              "customer.subscription.deleted",
              "customer.subscription.paused",
              "customer.subscription.resumed" ->
              subscriptionChanged(SubscriptionSnapshot.of(object), created, id);
          case "invoice.paid" -> invoice(InvoiceFacts.of(object), created, id, true);
          case "invoice.payment_failed" -> invoice(InvoiceFacts.of(object), created, id, false);
          default -> new Result(Outcome.IGNORED, null);
        };
    store.finish(id, result.outcome(), result.businessId());
    if (result.businessId() != null) {
      featured.refresh(result.businessId());
    }
    log.info(
        "Stripe event {} ({}): {}{}",
        id,
        type,
        result.outcome().name().toLowerCase(),
        result.businessId() == null ? "" : " for business " + result.businessId());
    return result.outcome();
  }

  /**
   * Records an event the ledger cannot read as applied (outcome {@code unreadable}), so that it is
   * not tried again on every pass; it stays in stripe_events for a person to look at.
   */
  @Transactional
  public void markUnreadable(String stripeEventId, String type) {
    store.markUnreadable(stripeEventId, type);
  }

  // --- event types
  // ---------------------------------------------------------------------------------------------

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
    UUID businessId = store.businessOf(subscriptionId, customerId, businessRef);
    if (businessId == null) {
      return new Result(Outcome.NO_BUSINESS, null);
    }
    store.lock(businessId);
    if (subscriptionId != null) {
      store.link(subscriptionId, businessId, customerId);
      store.mirror(subscriptionId);
    }
    return new Result(Outcome.APPLIED, businessId);
  }

  private Result subscriptionChanged(
      SubscriptionSnapshot snapshot, Instant asOf, String stripeEventId) {
    UUID businessId = store.businessOf(snapshot.id(), snapshot.customerId(), snapshot.businessId());
    if (businessId == null) {
      return new Result(Outcome.NO_BUSINESS, null);
    }
    store.lock(businessId);
    store.link(snapshot.id(), businessId, snapshot.customerId());
    Transition transition =
        step(subscription(snapshot.id()), new SubscriptionSeen(snapshot, asOf), stripeEventId);
    return new Result(transition.stale() ? Outcome.STALE : Outcome.APPLIED, businessId);
  }

  /** {@code invoice.paid} ({@code paid}) or {@code invoice.payment_failed}. */
  private Result invoice(
      InvoiceFacts invoice, Instant created, String stripeEventId, boolean paid) {
    if (invoice.subscriptionId() == null || invoice.id() == null) {
      return new Result(Outcome.IGNORED, null);
    }
    UUID businessId = store.businessOf(invoice.subscriptionId(), invoice.customerId(), null);
    if (businessId == null) {
      return new Result(Outcome.NO_BUSINESS, null);
    }
    store.lock(businessId);
    store.link(invoice.subscriptionId(), businessId, invoice.customerId());
    Subscription subscription = subscription(invoice.subscriptionId());
    if (subscription.state().stateAsOf() == null) {
      subscription = fetchCurrent(subscription);
    }
    boolean firstRecord =
        paid
            ? store.recordPayment(
                invoice, subscription, "paid", 0, invoice.amountPaid(), stripeEventId)
            : store.recordPayment(
                invoice,
                subscription,
                "failed",
                Math.max(1, invoice.attemptCount()),
                invoice.amountDue(),
                stripeEventId);
    Fact fact =
        paid
            ? new InvoicePaid(invoice, created, firstRecord)
            : new InvoicePaymentFailed(invoice, firstRecord);
    Transition transition = step(subscription, fact, stripeEventId);
    return new Result(transition.stale() ? Outcome.STALE : Outcome.APPLIED, businessId);
  }

  // --- state
  // ---------------------------------------------------------------------------------------------------

  /** Asks the transition function, stores its answer and emits its billing events. */
  private Transition step(Subscription subscription, Fact fact, String stripeEventId) {
    Transition transition = SubscriptionTransitions.on(subscription.state(), fact);
    store.save(subscription, transition);
    for (BillingEvent event : transition.events()) {
      emitter.emit(subscription, event, stripeEventId);
    }
    return transition;
  }

  /**
   * The subscription as Stripe has it now, stored with the time of asking: for an invoice of a
   * subscription whose state no event has told yet.
   */
  private Subscription fetchCurrent(Subscription stored) {
    if (!stripe.properties().enabled()) {
      return stored;
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    SubscriptionSnapshot snapshot;
    try {
      com.stripe.model.Subscription subscription =
          stripe.client().v1().subscriptions().retrieve(stored.subscriptionId());
      snapshot = SubscriptionSnapshot.of(json.readTree(subscription.getLastResponse().body()));
    } catch (StripeException e) {
      throw stripe.failed("retrieve subscription", e);
    }
    step(stored, new SubscriptionSeen(snapshot, now), null);
    return subscription(stored.subscriptionId());
  }

  private Subscription subscription(String subscriptionId) {
    return store.subscription(subscriptionId).orElseThrow();
  }
}
