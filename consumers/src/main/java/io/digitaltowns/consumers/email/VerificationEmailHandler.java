package io.digitaltowns.consumers.email;

import io.digitaltowns.events.accounts.EmailVerificationRequested;
import org.springframework.stereotype.Component;

/** Mails a new verification link when one was asked for (the welcome mail carried the first one). */
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
    String text = """
        Hello %s,

        please confirm that this is your email address by opening this link:
        %s

        The link works once. Links we sent you before no longer work.
        If you did not ask for this, you can ignore this mail.

        The DigitalTowns team
        """.formatted(event.getDisplayName(), links.verifyEmail(event.getEventId()));
    mail.send(new OutgoingMail(event.getEventId(), event.getEmail(), SUBJECT, text));
  }
}
