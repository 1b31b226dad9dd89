package io.digitaltowns.consumers.crmview;

import io.digitaltowns.events.billing.SubscriptionRenewed;
import io.digitaltowns.readmodels.crm.Activity;
import io.digitaltowns.readmodels.crm.ActivityKind;
import io.digitaltowns.readmodels.crm.Deals;
import io.digitaltowns.readmodels.crm.Timeline;
import org.springframework.stereotype.Component;

/** A renewal was paid: revenue on the deal. */
@Component
class SubscriptionRenewedProjection implements CrmViewHandler<SubscriptionRenewed> {

  private final Deals deals;
  private final Timeline timeline;

  SubscriptionRenewedProjection(Deals deals, Timeline timeline) {
    this.deals = deals;
    this.timeline = timeline;
  }

  @Override
  public Class<SubscriptionRenewed> eventType() {
    return SubscriptionRenewed.class;
  }

  @Override
  public void handle(SubscriptionRenewed event) {
    deals.apply(new Deals.Change(event.getSubscriptionId(), event.getBusinessId(), event.getCustomerId(), "active",
        event.getOccurredAt()), event.getCurrentPeriodEnd(), event.getAmount(), event.getCurrency());
    timeline.record(Activity.of(event.getEventId(), event.getOccurredAt(), ActivityKind.SUBSCRIPTION_RENEWED,
            "Subscription renewed").business(event.getBusinessId())
        .amount(event.getAmount(), event.getCurrency()).reference(event.getInvoiceId()));
  }
}
