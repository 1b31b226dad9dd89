package io.digitaltowns.consumers.email;

import io.digitaltowns.events.businesses.BusinessApproved;
import org.springframework.stereotype.Component;

/** Tells the owner that an admin approved the listing and where the public can now see it. */
@Component
class ListingApprovedEmailHandler implements EmailHandler<BusinessApproved> {

  static final String SUBJECT_PREFIX = "Your listing is live: ";

  private final SmtpMailSender mail;
  private final EmailLinks links;

  ListingApprovedEmailHandler(SmtpMailSender mail, EmailLinks links) {
    this.mail = mail;
    this.links = links;
  }

  @Override
  public Class<BusinessApproved> eventType() {
    return BusinessApproved.class;
  }

  @Override
  public void handle(BusinessApproved event) {
    String text = """
        Hello %s,

        good news: "%s" was approved and is now live on DigitalTowns.
        See your listing as residents see it:
        %s

        The DigitalTowns team
        """.formatted(event.getOwnerName(), event.getName(), links.business(event.getAggregateId()));
    mail.send(new OutgoingMail(event.getEventId(), event.getOwnerEmail(),
        SUBJECT_PREFIX + MailText.oneLine(event.getName()), text));
  }
}
