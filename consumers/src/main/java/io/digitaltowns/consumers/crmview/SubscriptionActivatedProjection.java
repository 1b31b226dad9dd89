package io.digitaltowns.consumers.crmview;

import io.digitaltowns.events.billing.SubscriptionActivated;
import io.digitaltowns.readmodels.crm.Activity;
import io.digitaltowns.readmodels.crm.ActivityKind;
import io.digitaltowns.readmodels.crm.Deals;
import io.digitaltowns.readmodels.crm.Timeline;
import org.springframework.stereotype.Component;

/** The subscription became active (or trialing): an open deal, with its first payment if the event knows it. */
@Component
class SubscriptionActivatedProjection implements CrmViewHandler<SubscriptionActivated> {

  private final Deals deals;
  private final Timeline timeline;

  SubscriptionActivatedProjection(Deals deals, Timeline timeline) {
    this.deals = deals;
    this.timeline = timeline;
  }

  @Override
  public Class<SubscriptionActivated> eventType() {
    return SubscriptionActivated.class;
  }

  @Override
  public void handle(SubscriptionActivated event) {
    deals.apply(new Deals.Change(event.getSubscriptionId(), event.getBusinessId(), event.getCustomerId(),
        event.getStatus(), event.getOccurredAt()), event.getCurrentPeriodEnd(), event.getAmount(), event.getCurrency());
    timeline.record(Activity.of(event.getEventId(), event.getOccurredAt(), ActivityKind.SUBSCRIPTION_ACTIVATED,
            "Subscription " + event.getStatus()).business(event.getBusinessId())
        .amount(event.getAmount(), event.getCurrency()).reference(event.getSubscriptionId()));
  }
}
