package io.digitaltowns.consumers.crmview;

import io.digitaltowns.events.businesses.BusinessApproved;
import io.digitaltowns.readmodels.crm.Activity;
import io.digitaltowns.readmodels.crm.ActivityKind;
import io.digitaltowns.readmodels.crm.Companies;
import io.digitaltowns.readmodels.crm.Timeline;
import org.springframework.stereotype.Component;

/** An admin approved the listing: the company is published. */
@Component
class BusinessApprovedProjection implements CrmViewHandler<BusinessApproved> {

  private final Companies companies;
  private final Timeline timeline;

  BusinessApprovedProjection(Companies companies, Timeline timeline) {
    this.companies = companies;
    this.timeline = timeline;
  }

  @Override
  public Class<BusinessApproved> eventType() {
    return BusinessApproved.class;
  }

  @Override
  public void handle(BusinessApproved event) {
    companies.upsert(new Companies.Listing(event.getAggregateId(), event.getTownId(), event.getName(),
        event.getCategory(), event.getOwnerId(), event.getOwnerName(), event.getOwnerEmail()), "PUBLISHED",
        event.getOccurredAt());
    timeline.record(Activity.of(event.getEventId(), event.getOccurredAt(), ActivityKind.APPROVED,
        "Approved and published").business(event.getAggregateId()).actor(event.getApprovedBy(), null));
  }
}
