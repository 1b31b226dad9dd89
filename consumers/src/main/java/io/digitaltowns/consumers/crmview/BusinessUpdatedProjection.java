package io.digitaltowns.consumers.crmview;

import io.digitaltowns.events.businesses.BusinessUpdated;
import io.digitaltowns.readmodels.crm.Companies;
import org.springframework.stereotype.Component;

/** The owner edited the listing: the company takes its new name, category and status (no timeline entry: edits are frequent and say little). */
@Component
class BusinessUpdatedProjection implements CrmViewHandler<BusinessUpdated> {

  private final Companies companies;

  BusinessUpdatedProjection(Companies companies) {
    this.companies = companies;
  }

  @Override
  public Class<BusinessUpdated> eventType() {
    return BusinessUpdated.class;
  }

  @Override
  public void handle(BusinessUpdated event) {
    companies.upsert(new Companies.Listing(event.getAggregateId(), event.getTownId(), event.getName(),
        event.getCategory(), null, null, null), event.getStatus(), event.getOccurredAt());
  }
}
