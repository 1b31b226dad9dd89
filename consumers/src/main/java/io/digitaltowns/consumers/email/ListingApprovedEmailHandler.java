package io.digitaltowns.consumers.email;

import io.digitaltowns.consumers.email.MailContent.Action;
import io.digitaltowns.consumers.email.MailContent.Paragraph;
import io.digitaltowns.events.businesses.BusinessApproved;
import java.util.List;
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
    mail.send(
        new OutgoingMail(
            event.getEventId(),
            event.getOwnerEmail(),
            new MailContent(
                SUBJECT_PREFIX + MailText.oneLine(event.getName()),
                "Hello " + event.getOwnerName() + ",",
                List.of(
                    new Paragraph(
                        "good news: \""
                            + event.getName()
                            + "\" was approved and is now live on DigitalTowns.\n"
                            + "See your listing as residents see it:"),
                    new Action("See your listing", links.business(event.getAggregateId()))),
                OwnerMail.REASON)));
  }
}
