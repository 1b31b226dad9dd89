package io.digitaltowns.consumers.crmsync;

import io.digitaltowns.events.businesses.BusinessApproved;
import org.springframework.stereotype.Component;

/** An approved business becomes a HubSpot company, associated with its owner's contact. */
@Component
class BusinessApprovedCrmHandler implements CrmSyncHandler<BusinessApproved> {

  private final CrmRecords records;

  BusinessApprovedCrmHandler(CrmRecords records) {
    this.records = records;
  }

  @Override
  public Class<BusinessApproved> eventType() {
    return BusinessApproved.class;
  }

  @Override
  public void handle(BusinessApproved event) {
    String companyId =
        records.company(event.getAggregateId(), event.getName(), event.getCategory());
    // the owner's lifecycle stage is left as it is (HubSpot does not move it backwards);
    // an erased owner gets no contact back, and the company itself holds no personal data
    records
        .contact(event.getOwnerId(), event.getOwnerEmail(), event.getOwnerName(), null)
        .ifPresent(contactId -> records.associate(contactId, companyId));
  }
}
