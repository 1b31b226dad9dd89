package io.digitaltowns.consumers.email;

import io.digitaltowns.consumers.email.MailContent.Action;
import io.digitaltowns.consumers.email.MailContent.Paragraph;
import io.digitaltowns.events.accounts.EmailVerificationRequested;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Mails a new verification link when one was asked for (the welcome mail carried the first one).
 */
@Component
class VerificationEmailHandler implements EmailHandler<EmailVerificationRequested> {

  static final String SUBJECT = "Confirm your email address";

  private final SmtpMailSender mail;
  private final EmailLinks links;

  VerificationEmailHandler(SmtpMailSender mail, EmailLinks links) {
    this.mail = mail;
    this.links = links;
  }

  @Override
  public Class<EmailVerificationRequested> eventType() {
    return EmailVerificationRequested.class;
  }

  @Override
  public void handle(EmailVerificationRequested event) {
    mail.send(
        new OutgoingMail(
            event.getEventId(),
            event.getEmail(),
            new MailContent(
                SUBJECT,
                "Hello " + event.getDisplayName() + ",",
                List.of(
                    new Paragraph(
                        "please confirm that this is your email address by opening this link:"),
                    new Action("Confirm your email address", links.verifyEmail(event.getEventId())),
                    new Paragraph(
                        "The link works once. Links we sent you before no longer work.\n"
                            + "If you did not ask for this, you can ignore this mail.")),
                "You get this mail because someone asked to confirm this address for a DigitalTowns account.")));
  }
}
