package io.digitaltowns.consumers.crmview;

import io.digitaltowns.events.accounts.EmailVerified;
import io.digitaltowns.readmodels.crm.Contacts;
import org.springframework.stereotype.Component;

/** The contact proved their address. */
@Component
class EmailVerifiedProjection implements CrmViewHandler<EmailVerified> {

  private final Contacts contacts;

  EmailVerifiedProjection(Contacts contacts) {
    this.contacts = contacts;
  }

  @Override
  public Class<EmailVerified> eventType() {
    return EmailVerified.class;
  }

  @Override
  public void handle(EmailVerified event) {
    contacts.verified(event.getAggregateId(), event.getEmail(), event.getOccurredAt());
  }
}
