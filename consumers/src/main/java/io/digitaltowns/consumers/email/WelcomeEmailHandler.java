package io.digitaltowns.consumers.email;

import io.digitaltowns.consumers.email.MailContent.Action;
import io.digitaltowns.consumers.email.MailContent.Block;
import io.digitaltowns.consumers.email.MailContent.Link;
import io.digitaltowns.consumers.email.MailContent.Paragraph;
import io.digitaltowns.events.accounts.SignupMethod;
import io.digitaltowns.events.accounts.UserRegistered;
import java.util.ArrayList;
import java.util.List;
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
    mail.send(new OutgoingMail(event.getEventId(), event.getEmail(), content(event)));
  }

  private MailContent content(UserRegistered event) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Paragraph("welcome to DigitalTowns! Your account is ready."));
    // Only a password sign-up has an address to confirm, and only for it does the api store the
    // token of this event. An account from Google or Facebook starts verified: a link would be
    // dead.
    // Anyone can register someone else's address, so the mail tells its owner what confirming does.
    if (event.getSignupMethod() == SignupMethod.PASSWORD) {
      blocks.add(
          new Paragraph(
              "Please confirm your email address: open this link and choose the password of your account."));
      blocks.add(new Action("Confirm your email address", links.verifyEmail(event.getEventId())));
      blocks.add(
          new Paragraph(
              "Did you not sign up for DigitalTowns? Then someone else typed your address. "
                  + "You can ignore this mail: the account stays unconfirmed. Or open the link and choose a password: "
                  + "the account becomes yours alone, whoever registered it is signed out and their password stops working."));
      blocks.add(new Link("Discover the businesses of your town", links.home()));
    } else {
      blocks.add(new Paragraph("Discover the businesses of your town:"));
      blocks.add(new Action("Discover your town", links.home()));
    }
    return new MailContent(
        SUBJECT,
        "Hello " + event.getDisplayName() + ",",
        blocks,
        "You get this mail because an account was registered on DigitalTowns with this address.");
  }
}
