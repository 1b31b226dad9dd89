package io.digitaltowns.consumers.crmview;

import io.digitaltowns.events.businesses.BusinessSubmitted;
import io.digitaltowns.readmodels.crm.Activity;
import io.digitaltowns.readmodels.crm.ActivityKind;
import io.digitaltowns.readmodels.crm.Companies;
import io.digitaltowns.readmodels.crm.Timeline;
import org.springframework.stereotype.Component;

/** The owner asked for review. */
@Component
class BusinessSubmittedProjection implements CrmViewHandler<BusinessSubmitted> {

  private final Companies companies;
  private final Timeline timeline;

  BusinessSubmittedProjection(Companies companies, Timeline timeline) {
    this.companies = companies;
    this.timeline = timeline;
  }

  @Override
  public Class<BusinessSubmitted> eventType() {
    return BusinessSubmitted.class;
  }

  @Override
  public void handle(BusinessSubmitted event) {
    companies.upsert(new Companies.Listing(event.getAggregateId(), event.getTownId(), event.getName(),
        event.getCategory(), event.getOwnerId(), event.getOwnerName(), event.getOwnerEmail()), "IN_REVIEW",
        event.getOccurredAt());
    timeline.record(Activity.of(event.getEventId(), event.getOccurredAt(), ActivityKind.SUBMITTED,
        "Submitted for review").business(event.getAggregateId()).actor(event.getOwnerId(), null));
  }
}
