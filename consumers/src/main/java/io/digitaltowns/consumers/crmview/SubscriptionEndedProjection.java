package io.digitaltowns.consumers.crmview;

import io.digitaltowns.events.billing.SubscriptionEnded;
import io.digitaltowns.readmodels.crm.Activity;
import io.digitaltowns.readmodels.crm.ActivityKind;
import io.digitaltowns.readmodels.crm.Deals;
import io.digitaltowns.readmodels.crm.Timeline;
import org.springframework.stereotype.Component;

/** The subscription is over: the deal is closed. */
@Component
class SubscriptionEndedProjection implements CrmViewHandler<SubscriptionEnded> {

  private final Deals deals;
  private final Timeline timeline;

  SubscriptionEndedProjection(Deals deals, Timeline timeline) {
    this.deals = deals;
    this.timeline = timeline;
  }

  @Override
  public Class<SubscriptionEnded> eventType() {
    return SubscriptionEnded.class;
  }

  @Override
  public void handle(SubscriptionEnded event) {
    deals.ended(new Deals.Change(event.getSubscriptionId(), event.getBusinessId(), event.getCustomerId(), "ended",
        event.getOccurredAt()), event.getEndedAt());
    timeline.record(Activity.of(event.getEventId(), event.getOccurredAt(), ActivityKind.SUBSCRIPTION_ENDED,
            "Subscription ended").business(event.getBusinessId()).detail(event.getReason())
        .reference(event.getSubscriptionId()));
  }
}
