package io.digitaltowns.consumers.email;

import io.digitaltowns.consumers.email.MailContent.Action;
import io.digitaltowns.consumers.email.MailContent.Paragraph;
import io.digitaltowns.consumers.email.MailContent.Quote;
import io.digitaltowns.events.businesses.BusinessRejected;
import java.util.List;
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
    // the listing is not public: the owner edits it on its page of their account (sign-in required)
    mail.send(
        new OutgoingMail(
            event.getEventId(),
            event.getOwnerEmail(),
            new MailContent(
                SUBJECT_PREFIX + MailText.oneLine(event.getName()),
                "Hello " + event.getOwnerName() + ",",
                List.of(
                    new Paragraph(
                        "\""
                            + event.getName()
                            + "\" was reviewed and is not published yet. The reviewer's reason:"),
                    new Quote(event.getReason()),
                    new Paragraph("Sign in, change the listing and submit it again:"),
                    new Action("Edit your listing", links.editBusiness(event.getAggregateId()))),
                OwnerMail.REASON)));
  }
}
