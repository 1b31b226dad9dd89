package io.digitaltowns.api.billing.apply;

import io.digitaltowns.api.billing.apply.SubscriptionStore.FirstPayment;
import io.digitaltowns.api.billing.apply.SubscriptionStore.Subscription;
import io.digitaltowns.api.billing.apply.SubscriptionTransitions.Activated;
import io.digitaltowns.api.billing.apply.SubscriptionTransitions.BillingEvent;
import io.digitaltowns.api.billing.apply.SubscriptionTransitions.Canceled;
import io.digitaltowns.api.billing.apply.SubscriptionTransitions.Ended;
import io.digitaltowns.api.billing.apply.SubscriptionTransitions.Renewed;
import io.digitaltowns.api.outbox.OutboxWriter;
import io.digitaltowns.events.billing.PaymentFailed;
import io.digitaltowns.events.billing.SubscriptionActivated;
import io.digitaltowns.events.billing.SubscriptionCanceled;
import io.digitaltowns.events.billing.SubscriptionEnded;
import io.digitaltowns.events.billing.SubscriptionRenewed;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Writes the billing events a {@link SubscriptionTransitions transition} decided to the outbox
 * (topic {@code dt.billing.events}, key = business id), in the ledger's transaction, with the
 * owner's address and, for an activation, the first payment's amount.
 */
@Component
class BillingEventEmitter {

  private final OutboxWriter outbox;
  private final SubscriptionStore store;

  BillingEventEmitter(OutboxWriter outbox, SubscriptionStore store) {
    this.outbox = outbox;
    this.store = store;
  }

  void emit(Subscription subscription, BillingEvent event, String stripeEventId) {
    UUID businessId = subscription.businessId();
    String ownerEmail = store.ownerEmail(businessId);
    if (event instanceof Activated activated) {
      Optional<FirstPayment> first = store.firstPayment(subscription.subscriptionId());
      outbox.publish(
          businessId,
          null,
          SubscriptionActivated.newBuilder()
              .setBusinessId(businessId.toString())
              .setSubscriptionId(subscription.subscriptionId())
              .setCustomerId(subscription.customerId())
              .setOwnerEmail(ownerEmail)
              .setStripeEventId(stripeEventId)
              .setStatus(activated.status())
              .setCurrentPeriodEnd(activated.currentPeriodEnd())
              .setTrialEnd(activated.trialEnd())
              .setAmount(first.map(FirstPayment::amount).orElse(null))
              .setCurrency(first.map(FirstPayment::currency).orElse(null)));
    } else if (event instanceof Canceled canceled) {
      outbox.publish(
          businessId,
          null,
          SubscriptionCanceled.newBuilder()
              .setBusinessId(businessId.toString())
              .setSubscriptionId(subscription.subscriptionId())
              .setCustomerId(subscription.customerId())
              .setOwnerEmail(ownerEmail)
              .setStripeEventId(stripeEventId)
              .setCancelAt(canceled.cancelAt())
              .setReason(canceled.reason()));
    } else if (event instanceof Ended ended) {
      outbox.publish(
          businessId,
          null,
          SubscriptionEnded.newBuilder()
              .setBusinessId(businessId.toString())
              .setSubscriptionId(subscription.subscriptionId())
              .setCustomerId(subscription.customerId())
              .setOwnerEmail(ownerEmail)
              .setStripeEventId(stripeEventId)
              .setEndedAt(ended.endedAt())
              .setReason(ended.reason()));
    } else if (event instanceof Renewed renewed) {
      outbox.publish(
          businessId,
          null,
          SubscriptionRenewed.newBuilder()
              .setBusinessId(businessId.toString())
              .setSubscriptionId(subscription.subscriptionId())
              .setCustomerId(subscription.customerId())
              .setOwnerEmail(ownerEmail)
              .setStripeEventId(stripeEventId)
              .setCurrentPeriodEnd(renewed.currentPeriodEnd())
              .setAmount(renewed.amount())
              .setCurrency(renewed.currency())
              .setInvoiceId(renewed.invoiceId()));
    } else {
      SubscriptionTransitions.PaymentFailed failed = (SubscriptionTransitions.PaymentFailed) event;
      outbox.publish(
          businessId,
          null,
          PaymentFailed.newBuilder()
              .setBusinessId(businessId.toString())
              .setSubscriptionId(subscription.subscriptionId())
              .setCustomerId(subscription.customerId())
              .setOwnerEmail(ownerEmail)
              .setStripeEventId(stripeEventId)
              .setAmount(failed.amount())
              .setCurrency(failed.currency())
              .setInvoiceId(failed.invoiceId())
              .setNextPaymentAttempt(failed.nextPaymentAttempt())
              // a portal session expires within minutes: the email links to the app, which makes
              // one on click
              .setPortalUrl(null));
    }
  }
}
