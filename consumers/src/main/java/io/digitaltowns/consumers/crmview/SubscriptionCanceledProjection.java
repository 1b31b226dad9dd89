package io.digitaltowns.consumers.crmview;

import io.digitaltowns.events.billing.SubscriptionCanceled;
import io.digitaltowns.readmodels.crm.Activity;
import io.digitaltowns.readmodels.crm.ActivityKind;
import io.digitaltowns.readmodels.crm.Deals;
import io.digitaltowns.readmodels.crm.Timeline;
import org.springframework.stereotype.Component;

/** The subscription was canceled; it may run until the end of the paid period. */
@Component
class SubscriptionCanceledProjection implements CrmViewHandler<SubscriptionCanceled> {

  private final Deals deals;
  private final Timeline timeline;

  SubscriptionCanceledProjection(Deals deals, Timeline timeline) {
    this.deals = deals;
    this.timeline = timeline;
  }

  @Override
  public Class<SubscriptionCanceled> eventType() {
    return SubscriptionCanceled.class;
  }

  @Override
  public void handle(SubscriptionCanceled event) {
    deals.canceled(new Deals.Change(event.getSubscriptionId(), event.getBusinessId(), event.getCustomerId(), "canceled",
        event.getOccurredAt()), event.getCancelAt());
    timeline.record(Activity.of(event.getEventId(), event.getOccurredAt(), ActivityKind.SUBSCRIPTION_CANCELED,
            "Subscription canceled").business(event.getBusinessId()).detail(event.getReason())
        .reference(event.getSubscriptionId()));
  }
}
