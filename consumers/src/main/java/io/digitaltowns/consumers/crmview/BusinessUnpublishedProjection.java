package io.digitaltowns.consumers.crmview;

import io.digitaltowns.events.businesses.BusinessUnpublished;
import io.digitaltowns.readmodels.crm.Activity;
import io.digitaltowns.readmodels.crm.ActivityKind;
import io.digitaltowns.readmodels.crm.Companies;
import io.digitaltowns.readmodels.crm.Timeline;
import org.springframework.stereotype.Component;

/** The owner took the listing off the public pages. */
@Component
class BusinessUnpublishedProjection implements CrmViewHandler<BusinessUnpublished> {

  private final Companies companies;
  private final Timeline timeline;

  BusinessUnpublishedProjection(Companies companies, Timeline timeline) {
    this.companies = companies;
    this.timeline = timeline;
  }

  @Override
  public Class<BusinessUnpublished> eventType() {
    return BusinessUnpublished.class;
  }

  @Override
  public void handle(BusinessUnpublished event) {
    companies.upsert(new Companies.Listing(event.getAggregateId(), event.getTownId(), event.getName(),
        event.getCategory(), null, null, null), "UNPUBLISHED", event.getOccurredAt());
    timeline.record(Activity.of(event.getEventId(), event.getOccurredAt(), ActivityKind.UNPUBLISHED,
        "Unpublished by its owner").business(event.getAggregateId()));
  }
}
