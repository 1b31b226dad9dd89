package io.digitaltowns.consumers.email;

import io.digitaltowns.events.businesses.BusinessContacted;
import org.springframework.stereotype.Component;

/**
 * Forwards a resident's message to the owner of the business. The mail's Reply-To is the resident,
 * so the owner answers with their mail client's reply button and the answer goes straight to the
 * resident, not to the no-reply sender; the text names the address too, for clients that hide it.
 */
@Component
class ContactMessageEmailHandler implements EmailHandler<BusinessContacted> {

  private final SmtpMailSender mail;
  private final EmailLinks links;

  ContactMessageEmailHandler(SmtpMailSender mail, EmailLinks links) {
    this.mail = mail;
    this.links = links;
  }

  static String subject(String businessName, String senderName) {
    return "New message for " + MailText.oneLine(businessName) + " from " + MailText.oneLine(senderName);
  }

  @Override
  public Class<BusinessContacted> eventType() {
    return BusinessContacted.class;
  }

  @Override
  public void handle(BusinessContacted event) {
    String text = """
        Hello %s,

        %s sent a message to "%s" through DigitalTowns:

        ----------------------------------------
        %s
        ----------------------------------------

        To answer, reply to this mail: your answer goes to %s <%s>.

        The DigitalTowns team
        %s
        """.formatted(event.getOwnerName(), event.getSenderName(), event.getName(), event.getMessage(),
        event.getSenderName(), event.getSenderEmail(), links.home());
    mail.send(new OutgoingMail(event.getEventId(), event.getOwnerEmail(),
        subject(event.getName(), event.getSenderName()), text,
        new OutgoingMail.ReplyTo(event.getSenderEmail(), event.getSenderName())));
  }
}
