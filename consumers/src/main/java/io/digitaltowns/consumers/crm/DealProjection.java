package io.digitaltowns.consumers.crm;

import io.digitaltowns.consumers.events.EventHandler;
import io.digitaltowns.events.billing.PaymentFailed;
import io.digitaltowns.events.billing.SubscriptionActivated;
import io.digitaltowns.events.billing.SubscriptionCanceled;
import io.digitaltowns.events.billing.SubscriptionEnded;
import io.digitaltowns.events.billing.SubscriptionRenewed;
import io.digitaltowns.readmodels.crm.Activity;
import io.digitaltowns.readmodels.crm.ActivityKind;
import io.digitaltowns.readmodels.crm.Deals;
import io.digitaltowns.readmodels.crm.Timeline;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The deals (crm_view_deals) from the billing events: one per subscription, its status and revenue,
 * on the company's timeline.
 */
@Component
class DealProjection implements CrmProjection {

  private final Deals deals;
  private final Timeline timeline;

  DealProjection(Deals deals, Timeline timeline) {
    this.deals = deals;
    this.timeline = timeline;
  }

  @Override
  public List<EventHandler<?>> handlers() {
    return List.of(
        EventHandler.of(SubscriptionActivated.class, this::activated),
        EventHandler.of(SubscriptionRenewed.class, this::renewed),
        EventHandler.of(PaymentFailed.class, this::paymentFailed),
        EventHandler.of(SubscriptionCanceled.class, this::canceled),
        EventHandler.of(SubscriptionEnded.class, this::ended));
  }

  /**
   * The subscription became active (or trialing): an open deal, with its first payment if the event
   * knows it.
   */
  void activated(SubscriptionActivated event) {
    deals.apply(
        new Deals.Change(
            event.getSubscriptionId(),
            event.getBusinessId(),
            event.getCustomerId(),
            event.getStatus(),
            event.getOccurredAt()),
        event.getCurrentPeriodEnd(),
        event.getAmount(),
        event.getCurrency());
    timeline.record(
        Activity.of(
                event.getEventId(),
                event.getOccurredAt(),
                ActivityKind.SUBSCRIPTION_ACTIVATED,
                "Subscription " + event.getStatus())
            .business(event.getBusinessId())
            .amount(event.getAmount(), event.getCurrency())
            .reference(event.getSubscriptionId()));
  }

  /** A renewal was paid: revenue on the deal. */
  void renewed(SubscriptionRenewed event) {
    deals.apply(
        new Deals.Change(
            event.getSubscriptionId(),
            event.getBusinessId(),
            event.getCustomerId(),
            "active",
            event.getOccurredAt()),
        event.getCurrentPeriodEnd(),
        event.getAmount(),
        event.getCurrency());
    timeline.record(
        Activity.of(
                event.getEventId(),
                event.getOccurredAt(),
                ActivityKind.SUBSCRIPTION_RENEWED,
                "Subscription renewed")
            .business(event.getBusinessId())
            .amount(event.getAmount(), event.getCurrency())
            .reference(event.getInvoiceId()));
  }

  /** A payment failed: the deal is past due. */
  void paymentFailed(PaymentFailed event) {
    deals.apply(
        new Deals.Change(
            event.getSubscriptionId(),
            event.getBusinessId(),
            event.getCustomerId(),
            "past_due",
            event.getOccurredAt()),
        null,
        null,
        null);
    timeline.record(
        Activity.of(
                event.getEventId(),
                event.getOccurredAt(),
                ActivityKind.PAYMENT_FAILED,
                "Payment failed")
            .business(event.getBusinessId())
            .amount(event.getAmount(), event.getCurrency())
            .reference(event.getInvoiceId()));
  }

  /** The subscription was canceled; it may run until the end of the paid period. */
  void canceled(SubscriptionCanceled event) {
    deals.canceled(
        new Deals.Change(
            event.getSubscriptionId(),
            event.getBusinessId(),
            event.getCustomerId(),
            "canceled",
            event.getOccurredAt()),
        event.getCancelAt());
    timeline.record(
        Activity.of(
                event.getEventId(),
                event.getOccurredAt(),
                ActivityKind.SUBSCRIPTION_CANCELED,
                "Subscription canceled")
            .business(event.getBusinessId())
            .detail(event.getReason())
            .reference(event.getSubscriptionId()));
  }

  /** The subscription is over: the deal is closed. */
  void ended(SubscriptionEnded event) {
    deals.ended(
        new Deals.Change(
            event.getSubscriptionId(),
            event.getBusinessId(),
            event.getCustomerId(),
            "ended",
            event.getOccurredAt()),
        event.getEndedAt());
    timeline.record(
        Activity.of(
                event.getEventId(),
                event.getOccurredAt(),
                ActivityKind.SUBSCRIPTION_ENDED,
                "Subscription ended")
            .business(event.getBusinessId())
            .detail(event.getReason())
            .reference(event.getSubscriptionId()));
  }
}
