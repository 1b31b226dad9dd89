package io.digitaltowns.consumers.email;

import io.digitaltowns.events.accounts.SignupMethod;
import io.digitaltowns.events.accounts.UserRegistered;
import org.springframework.stereotype.Component;

/** Greets every new account and asks a password sign-up to confirm its address. */
@Component
class WelcomeEmailHandler implements EmailHandler<UserRegistered> {

  static final String SUBJECT = "Welcome to DigitalTowns";

  private final SmtpMailSender mail;
  private final EmailLinks links;

  WelcomeEmailHandler(SmtpMailSender mail, EmailLinks links) {
    this.mail = mail;
    this.links = links;
  }

  @Override
  public Class<UserRegistered> eventType() {
    return UserRegistered.class;
  }

  @Override
  public void handle(UserRegistered event) {
    mail.send(new OutgoingMail(event.getEventId(), event.getEmail(), SUBJECT, text(event)));
  }

  private String text(UserRegistered event) {
    // Only a password sign-up has an address to confirm, and only for it does the api store the
    // token of this event. An account from Google or Facebook starts verified: a link would be dead.
    // Anyone can register someone else's address, so the mail tells its owner what confirming does.
    String verification = event.getSignupMethod() == SignupMethod.PASSWORD
        ? """
          Please confirm your email address: open this link and choose the password of your account.
          %s

          Did you not sign up for DigitalTowns? Then someone else typed your address. You can ignore
          this mail: the account stays unconfirmed. Or open the link and choose a password: the account
          becomes yours alone, whoever registered it is signed out and their password stops working.

          """.formatted(links.verifyEmail(event.getEventId()))
        : "";
    return """
        Hello %s,

        welcome to DigitalTowns! Your account is ready.

        %sDiscover the businesses of your town: %s

        The DigitalTowns team
        """.formatted(event.getDisplayName(), verification, links.home());
  }
}
