package io.digitaltowns.consumers.email;

import io.digitaltowns.events.businesses.BusinessRejected;
import org.springframework.stereotype.Component;

/** Tells the owner that an admin sent the listing back, with the admin's reason. */
@Component
class ListingRejectedEmailHandler implements EmailHandler<BusinessRejected> {

  static final String SUBJECT_PREFIX = "Your listing needs changes: ";

  private final SmtpMailSender mail;
  private final EmailLinks links;

  ListingRejectedEmailHandler(SmtpMailSender mail, EmailLinks links) {
    this.mail = mail;
    this.links = links;
  }

  @Override
  public Class<BusinessRejected> eventType() {
    return BusinessRejected.class;
  }

  @Override
  public void handle(BusinessRejected event) {
    // the listing is not public, so there is no page to link to: the owner edits it from their account
    String text = """
        Hello %s,

        "%s" was reviewed and is not published yet. The reviewer's reason:

        %s

        Sign in at %s, change the listing and submit it again.

        The DigitalTowns team
        """.formatted(event.getOwnerName(), event.getName(), event.getReason(), links.home());
    mail.send(new OutgoingMail(event.getEventId(), event.getOwnerEmail(),
        SUBJECT_PREFIX + MailText.oneLine(event.getName()), text));
  }
}
