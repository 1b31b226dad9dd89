package io.digitaltowns.consumers.email;

import io.digitaltowns.consumers.email.MailContent.Action;
import io.digitaltowns.consumers.email.MailContent.Paragraph;
import io.digitaltowns.events.accounts.PasswordResetRequested;
import java.util.List;
import org.springframework.stereotype.Component;

/** Mails the link that lets the owner of an account choose a new password. */
@Component
class PasswordResetEmailHandler implements EmailHandler<PasswordResetRequested> {

  static final String SUBJECT = "Reset your DigitalTowns password";

  private final SmtpMailSender mail;
  private final EmailLinks links;

  PasswordResetEmailHandler(SmtpMailSender mail, EmailLinks links) {
    this.mail = mail;
    this.links = links;
  }

  @Override
  public Class<PasswordResetRequested> eventType() {
    return PasswordResetRequested.class;
  }

  @Override
  public void handle(PasswordResetRequested event) {
    // the lifetime of the link is the api's setting; the mail does not promise a number it does not
    // own
    mail.send(
        new OutgoingMail(
            event.getEventId(),
            event.getEmail(),
            new MailContent(
                SUBJECT,
                "Hello " + event.getDisplayName() + ",",
                List.of(
                    new Paragraph(
                        "someone asked to reset the password of your DigitalTowns account.\n"
                            + "To choose a new password, open this link:"),
                    new Action("Choose a new password", links.resetPassword(event.getEventId())),
                    new Paragraph(
                        "The link works once and expires soon; if it has expired, ask for a new one.\n"
                            + "If you did not ask for this, you can ignore this mail: your password stays as it is.")),
                "You get this mail because a password reset was asked for the DigitalTowns account of this address.")));
  }
}
