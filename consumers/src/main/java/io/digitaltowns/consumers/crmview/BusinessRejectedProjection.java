package io.digitaltowns.consumers.crmview;

import io.digitaltowns.events.businesses.BusinessRejected;
import io.digitaltowns.readmodels.crm.Activity;
import io.digitaltowns.readmodels.crm.ActivityKind;
import io.digitaltowns.readmodels.crm.Companies;
import io.digitaltowns.readmodels.crm.Timeline;
import org.springframework.stereotype.Component;

/** An admin rejected the listing; the reason is on the timeline. */
@Component
class BusinessRejectedProjection implements CrmViewHandler<BusinessRejected> {

  private final Companies companies;
  private final Timeline timeline;

  BusinessRejectedProjection(Companies companies, Timeline timeline) {
    this.companies = companies;
    this.timeline = timeline;
  }

  @Override
  public Class<BusinessRejected> eventType() {
    return BusinessRejected.class;
  }

  @Override
  public void handle(BusinessRejected event) {
    companies.upsert(new Companies.Listing(event.getAggregateId(), event.getTownId(), event.getName(),
        event.getCategory(), event.getOwnerId(), event.getOwnerName(), event.getOwnerEmail()), "REJECTED",
        event.getOccurredAt());
    timeline.record(Activity.of(event.getEventId(), event.getOccurredAt(), ActivityKind.REJECTED, "Rejected")
        .business(event.getAggregateId()).actor(event.getRejectedBy(), null).detail(event.getReason()));
  }
}
