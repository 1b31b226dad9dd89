package io.digitaltowns.consumers.crmview;

import io.digitaltowns.events.accounts.UserDeleted;
import io.digitaltowns.readmodels.crm.Contacts;
import org.springframework.stereotype.Component;

/** The user deleted their account: their personal data leaves the read model (see {@link Contacts#erase}). */
@Component
class UserDeletedProjection implements CrmViewHandler<UserDeleted> {

  private final Contacts contacts;

  UserDeletedProjection(Contacts contacts) {
    this.contacts = contacts;
  }

  @Override
  public Class<UserDeleted> eventType() {
    return UserDeleted.class;
  }

  @Override
  public void handle(UserDeleted event) {
    contacts.erase(event.getAggregateId());
  }
}
