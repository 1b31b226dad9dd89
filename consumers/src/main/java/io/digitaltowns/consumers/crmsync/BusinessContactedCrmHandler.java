package io.digitaltowns.consumers.crmsync;

import io.digitaltowns.events.businesses.BusinessContacted;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Someone wrote to a business: the sender becomes a lead, and the message a note on the business's
 * company (and the sender's contact). Nothing at all is sent for an erased sender.
 */
@Component
class BusinessContactedCrmHandler implements CrmSyncHandler<BusinessContacted> {

  private final CrmRecords records;
  private final HubSpotClient hubSpot;

  BusinessContactedCrmHandler(CrmRecords records, HubSpotClient hubSpot) {
    this.records = records;
    this.hubSpot = hubSpot;
  }

  @Override
  public Class<BusinessContacted> eventType() {
    return BusinessContacted.class;
  }

  @Override
  public void handle(BusinessContacted event) {
    records
        .contact(event.getSenderId(), event.getSenderEmail(), event.getSenderName(), "lead")
        .ifPresent(
            contactId -> {
              String companyId =
                  records.companyOf(event.getAggregateId(), event.getName(), event.getCategory());
              Instant at = event.getOccurredAt() == null ? Instant.now() : event.getOccurredAt();
              hubSpot.createNote(
                  "Message from "
                      + event.getSenderName()
                      + " via DigitalTowns:\n\n"
                      + event.getMessage(),
                  at,
                  companyId,
                  contactId);
            });
  }
}
