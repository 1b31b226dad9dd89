package io.digitaltowns.consumers.email;

import io.digitaltowns.consumers.email.MailContent.Action;
import io.digitaltowns.consumers.email.MailContent.Paragraph;
import io.digitaltowns.events.businesses.BusinessSubmitted;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the admins that a listing waits for their review: one mail to each address in {@code
 * ADMIN_EMAILS}, so no admin sees the others' addresses and each can act on their own mail.
 *
 * <p>The mails go out inside the event's one transaction: a failure that is retried (the SMTP
 * server is down) sends them all again, so an admin mailed before the failure may get the mail
 * twice. That is the at-least-once edge every mail has (sent, then the commit fails); once the
 * event is recorded as processed, it is never mailed again.
 */
@Component
class ListingSubmittedEmailHandler implements EmailHandler<BusinessSubmitted> {

  static final String SUBJECT_PREFIX = "New listing to review: ";

  private static final Logger log = LoggerFactory.getLogger(ListingSubmittedEmailHandler.class);

  private final SmtpMailSender mail;
  private final EmailLinks links;
  private final List<String> admins;

  ListingSubmittedEmailHandler(SmtpMailSender mail, EmailLinks links, EmailProperties properties) {
    this.mail = mail;
    this.links = links;
    this.admins = properties.adminAddresses();
  }

  @Override
  public Class<BusinessSubmitted> eventType() {
    return BusinessSubmitted.class;
  }

  @Override
  public void handle(BusinessSubmitted event) {
    if (admins.isEmpty()) {
      log.info(
          "no admin to mail (ADMIN_EMAILS is empty): business {} waits for review, event {}",
          event.getAggregateId(),
          event.getEventId());
      return;
    }
    MailContent content =
        new MailContent(
            SUBJECT_PREFIX + MailText.oneLine(event.getName()),
            "Hello,",
            List.of(
                new Paragraph(
                    event.getOwnerName()
                        + " submitted the listing \""
                        + event.getName()
                        + "\" ("
                        + event.getCategory()
                        + ") for review.\nReview it, then approve or reject it, here:"),
                new Action("Review the listing", links.reviewBusiness(event.getAggregateId())),
                new Paragraph(
                    "The owner is mailed when you decide; a rejection tells them your reason.")),
            "You get this mail because this address is an admin of DigitalTowns (ADMIN_EMAILS).");
    for (String admin : admins) {
      mail.send(new OutgoingMail(event.getEventId(), admin, content));
    }
  }
}
