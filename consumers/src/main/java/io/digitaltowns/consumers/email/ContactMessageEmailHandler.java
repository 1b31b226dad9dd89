package io.digitaltowns.consumers.email;

import io.digitaltowns.consumers.email.MailContent.Paragraph;
import io.digitaltowns.consumers.email.MailContent.Quote;
import io.digitaltowns.events.businesses.BusinessContacted;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Forwards a resident's message to the owner of the business. The mail's Reply-To is the resident,
 * so the owner answers with their mail client's reply button and the answer goes straight to the
 * resident, not to the no-reply sender; the text names the address too, for clients that hide it.
 */
@Component
class ContactMessageEmailHandler implements EmailHandler<BusinessContacted> {

  private final SmtpMailSender mail;

  ContactMessageEmailHandler(SmtpMailSender mail) {
    this.mail = mail;
  }

  static String subject(String businessName, String senderName) {
    return "New message for "
        + MailText.oneLine(businessName)
        + " from "
        + MailText.oneLine(senderName);
  }

  @Override
  public Class<BusinessContacted> eventType() {
    return BusinessContacted.class;
  }

  @Override
  public void handle(BusinessContacted event) {
    // no button: the one action is the mail client's own Reply, which the Reply-To sends to the
    // resident
    MailContent content =
        new MailContent(
            subject(event.getName(), event.getSenderName()),
            "Hello " + event.getOwnerName() + ",",
            List.of(
                new Paragraph(
                    event.getSenderName()
                        + " sent a message to \""
                        + event.getName()
                        + "\" through DigitalTowns:"),
                new Quote(event.getMessage()),
                new Paragraph(
                    "To answer, reply to this mail: your answer goes to "
                        + event.getSenderName()
                        + " <"
                        + event.getSenderEmail()
                        + ">.")),
            OwnerMail.REASON + " A resident wrote to it through the site.");
    mail.send(
        new OutgoingMail(
            event.getEventId(),
            event.getOwnerEmail(),
            content,
            new OutgoingMail.ReplyTo(event.getSenderEmail(), event.getSenderName())));
  }
}
