package io.digitaltowns.consumers.email;

import io.digitaltowns.events.accounts.PasswordChangeReason;
import io.digitaltowns.events.accounts.PasswordChanged;
import org.springframework.stereotype.Component;

/**
 * Tells the owner that the password changed, so that a change they did not make does not go
 * unnoticed. Carries no link with a token (the api stored none for this event): the owner starts
 * a reset from the site if the change was not theirs.
 */
@Component
class PasswordChangedEmailHandler implements EmailHandler<PasswordChanged> {

  static final String SUBJECT = "Your password was changed";

  private final SmtpMailSender mail;
  private final EmailLinks links;

  PasswordChangedEmailHandler(SmtpMailSender mail, EmailLinks links) {
    this.mail = mail;
    this.links = links;
  }

  @Override
  public Class<PasswordChanged> eventType() {
    return PasswordChanged.class;
  }

  @Override
  public void handle(PasswordChanged event) {
    String how = event.getReason() == PasswordChangeReason.RESET
        ? "was reset with a link we emailed to this address"
        : "was changed from your account settings";
    String text = """
        Hello %s,

        the password of your DigitalTowns account %s.
        For your safety, every device signed in to your account was signed out.

        If this was you, there is nothing else to do.
        If it was not, ask for a password reset right away on the sign-in page of %s.

        The DigitalTowns team
        """.formatted(event.getDisplayName(), how, links.home());
    mail.send(new OutgoingMail(event.getEventId(), event.getEmail(), SUBJECT, text));
  }
}
