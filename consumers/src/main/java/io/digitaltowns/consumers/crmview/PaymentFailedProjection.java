package io.digitaltowns.consumers.crmview;

import io.digitaltowns.events.billing.PaymentFailed;
import io.digitaltowns.readmodels.crm.Activity;
import io.digitaltowns.readmodels.crm.ActivityKind;
import io.digitaltowns.readmodels.crm.Deals;
import io.digitaltowns.readmodels.crm.Timeline;
import org.springframework.stereotype.Component;

/** A payment failed: the deal is past due. */
@Component
class PaymentFailedProjection implements CrmViewHandler<PaymentFailed> {

  private final Deals deals;
  private final Timeline timeline;

  PaymentFailedProjection(Deals deals, Timeline timeline) {
    this.deals = deals;
    this.timeline = timeline;
  }

  @Override
  public Class<PaymentFailed> eventType() {
    return PaymentFailed.class;
  }

  @Override
  public void handle(PaymentFailed event) {
    deals.apply(new Deals.Change(event.getSubscriptionId(), event.getBusinessId(), event.getCustomerId(), "past_due",
        event.getOccurredAt()), null, null, null);
    timeline.record(Activity.of(event.getEventId(), event.getOccurredAt(), ActivityKind.PAYMENT_FAILED,
            "Payment failed").business(event.getBusinessId())
        .amount(event.getAmount(), event.getCurrency()).reference(event.getInvoiceId()));
  }
}
