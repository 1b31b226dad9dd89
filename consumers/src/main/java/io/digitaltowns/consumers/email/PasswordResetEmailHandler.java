package io.digitaltowns.consumers.email;

import io.digitaltowns.events.accounts.PasswordResetRequested;
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
    // the lifetime of the link is the api's setting; the mail does not promise a number it does not own
    String text = """
        Hello %s,

        someone asked to reset the password of your DigitalTowns account.
        To choose a new password, open this link:
        %s

        The link works once and expires soon; if it has expired, ask for a new one.
        If you did not ask for this, you can ignore this mail: your password stays as it is.

        The DigitalTowns team
        """.formatted(event.getDisplayName(), links.resetPassword(event.getEventId()));
    mail.send(new OutgoingMail(event.getEventId(), event.getEmail(), SUBJECT, text));
  }
}
