package io.digitaltowns.consumers.email;

import io.digitaltowns.events.accounts.UserRegistered;
import org.springframework.stereotype.Component;

/** Greets every new account. */
@Component
class WelcomeEmailHandler implements EmailHandler<UserRegistered> {

  private final SmtpMailSender mail;
  private final EmailProperties properties;

  WelcomeEmailHandler(SmtpMailSender mail, EmailProperties properties) {
    this.mail = mail;
    this.properties = properties;
  }

  @Override
  public Class<UserRegistered> eventType() {
    return UserRegistered.class;
  }

  @Override
  public void handle(UserRegistered event) {
    String text = """
        Hello %s,

        welcome to DigitalTowns! Your account is ready.

        Discover the businesses of your town: %s

        The DigitalTowns team
        """.formatted(event.getDisplayName(), properties.publicBaseUrl());
    mail.send(new OutgoingMail(event.getEventId(), event.getEmail(), "Welcome to DigitalTowns", text));
  }
}
