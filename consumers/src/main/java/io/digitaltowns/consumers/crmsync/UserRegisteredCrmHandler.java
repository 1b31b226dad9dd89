package io.digitaltowns.consumers.crmsync;

import io.digitaltowns.events.accounts.UserRegistered;
import org.springframework.stereotype.Component;

/** A new account becomes a HubSpot contact (lifecycle stage subscriber). */
@Component
class UserRegisteredCrmHandler implements CrmSyncHandler<UserRegistered> {

  private final CrmRecords records;

  UserRegisteredCrmHandler(CrmRecords records) {
    this.records = records;
  }

  @Override
  public Class<UserRegistered> eventType() {
    return UserRegistered.class;
  }

  @Override
  public void handle(UserRegistered event) {
    records.contact(event.getAggregateId(), event.getEmail(), event.getDisplayName(), "subscriber");
  }
}
