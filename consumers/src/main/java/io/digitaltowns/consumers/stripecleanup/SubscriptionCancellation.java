package io.digitaltowns.consumers.stripecleanup;

import io.digitaltowns.consumers.crm.CleanupTimeline;
import io.digitaltowns.consumers.events.EventHandler;
import io.digitaltowns.events.businesses.BusinessDeleted;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A deleted business pays for nothing more: each of its running Stripe subscriptions is canceled at
 * once (the listing it paid to feature is gone), and the company's CRM timeline says so. The
 * idempotency key is the deletion event and the subscription, so a retry after a lost answer is the
 * same request to Stripe; a redelivered event is skipped by the message log. When Stripe then sends
 * {@code customer.subscription.deleted}, the api's ledger finds no business for it and stores it as
 * such ({@code no_business}).
 */
@Component
class SubscriptionCancellation implements EventHandler<BusinessDeleted> {

  private static final Logger log = LoggerFactory.getLogger(SubscriptionCancellation.class);

  private final StripeSubscriptions stripe;
  private final CleanupTimeline timeline;

  SubscriptionCancellation(StripeSubscriptions stripe, CleanupTimeline timeline) {
    this.stripe = stripe;
    this.timeline = timeline;
  }

  @Override
  public Class<BusinessDeleted> eventType() {
    return BusinessDeleted.class;
  }

  @Override
  public void handle(BusinessDeleted event) {
    for (String subscriptionId : event.getStripeSubscriptionIds()) {
      StripeSubscriptions.Cancellation outcome =
          stripe.cancel(
              subscriptionId, "dt-business-deleted-" + event.getEventId() + "-" + subscriptionId);
      String summary =
          outcome == StripeSubscriptions.Cancellation.CANCELED
              ? "Subscription canceled at Stripe (listing deleted)"
              : "Subscription already over at Stripe (listing deleted)";
      timeline.record(
          event.getEventId(),
          CleanupTimeline.Step.SUBSCRIPTION_CANCELED_AT_STRIPE,
          Instant.now(),
          event.getAggregateId(),
          summary,
          subscriptionId);
      log.info(
          "stripe-cleanup: subscription {} of deleted business {}: {}",
          subscriptionId,
          event.getAggregateId(),
          outcome);
    }
  }
}
