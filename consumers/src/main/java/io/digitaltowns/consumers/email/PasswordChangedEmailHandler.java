package io.digitaltowns.consumers.email;

import io.digitaltowns.consumers.email.MailContent.Action;
import io.digitaltowns.consumers.email.MailContent.Paragraph;
import io.digitaltowns.events.accounts.PasswordChangeReason;
import io.digitaltowns.events.accounts.PasswordChanged;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Tells the owner that the password changed, so that a change they did not make does not go
 * unnoticed. Carries no link with a token (the api stored none for this event): the owner starts a
 * reset from the site if the change was not theirs.
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
    String how =
        event.getReason() == PasswordChangeReason.RESET
            ? "was reset with a link we emailed to this address"
            : "was changed from your account settings";
    mail.send(
        new OutgoingMail(
            event.getEventId(),
            event.getEmail(),
            new MailContent(
                SUBJECT,
                "Hello " + event.getDisplayName() + ",",
                List.of(
                    new Paragraph(
                        "the password of your DigitalTowns account "
                            + how
                            + ".\n"
                            + "For your safety, every device signed in to your account was signed out."),
                    new Paragraph(
                        "If this was you, there is nothing else to do.\n"
                            + "If it was not, ask for a password reset right away:"),
                    new Action("Reset my password", links.forgotPassword())),
                "You get this mail because the password of the DigitalTowns account of this address changed.")));
  }
}
