package io.digitaltowns.consumers.crmview;

import io.digitaltowns.events.businesses.BusinessDeleted;
import io.digitaltowns.readmodels.crm.Activity;
import io.digitaltowns.readmodels.crm.ActivityKind;
import io.digitaltowns.readmodels.crm.Companies;
import io.digitaltowns.readmodels.crm.Timeline;
import org.springframework.stereotype.Component;

/** The listing was deleted; the company stays in the CRM, as DELETED, with its history. */
@Component
class BusinessDeletedProjection implements CrmViewHandler<BusinessDeleted> {

  private final Companies companies;
  private final Timeline timeline;

  BusinessDeletedProjection(Companies companies, Timeline timeline) {
    this.companies = companies;
    this.timeline = timeline;
  }

  @Override
  public Class<BusinessDeleted> eventType() {
    return BusinessDeleted.class;
  }

  @Override
  public void handle(BusinessDeleted event) {
    companies.status(event.getAggregateId(), "DELETED", event.getOccurredAt());
    timeline.record(Activity.of(event.getEventId(), event.getOccurredAt(), ActivityKind.LISTING_DELETED,
        "Listing deleted").business(event.getAggregateId()));
  }
}
