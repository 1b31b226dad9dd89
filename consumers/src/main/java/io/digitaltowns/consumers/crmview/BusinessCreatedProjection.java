package io.digitaltowns.consumers.crmview;

import io.digitaltowns.events.businesses.BusinessCreated;
import io.digitaltowns.readmodels.crm.Activity;
import io.digitaltowns.readmodels.crm.ActivityKind;
import io.digitaltowns.readmodels.crm.Companies;
import io.digitaltowns.readmodels.crm.Timeline;
import org.springframework.stereotype.Component;

/** A new listing: a company in DRAFT, and the first entry of its timeline. */
@Component
class BusinessCreatedProjection implements CrmViewHandler<BusinessCreated> {

  private final Companies companies;
  private final Timeline timeline;

  BusinessCreatedProjection(Companies companies, Timeline timeline) {
    this.companies = companies;
    this.timeline = timeline;
  }

  @Override
  public Class<BusinessCreated> eventType() {
    return BusinessCreated.class;
  }

  @Override
  public void handle(BusinessCreated event) {
    companies.upsert(new Companies.Listing(event.getAggregateId(), event.getTownId(), event.getName(),
        event.getCategory(), event.getOwnerId(), event.getOwnerName(), event.getOwnerEmail()), "DRAFT", event.getOccurredAt());
    timeline.record(Activity.of(event.getEventId(), event.getOccurredAt(), ActivityKind.LISTING_CREATED,
        "Listing created as a draft").business(event.getAggregateId()).actor(event.getOwnerId(), null));
  }
}
