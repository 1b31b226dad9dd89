package io.digitaltowns.consumers.email;

import io.digitaltowns.consumers.events.PermanentFailureException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends mail over SMTP and sorts failures: a refused recipient or malformed address will never
 * succeed (permanent, dead-lettered at once); anything else, such as the server being down, is
 * left to the consumer's retry with backoff.
 */
@Component
class SmtpMailSender {

  private static final Logger log = LoggerFactory.getLogger(SmtpMailSender.class);

  private final JavaMailSender mailSender;
  private final EmailProperties properties;

  SmtpMailSender(JavaMailSender mailSender, EmailProperties properties) {
    this.mailSender = mailSender;
    this.properties = properties;
  }

  void send(OutgoingMail mail) {
    try {
      MimeMessage message = mailSender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
      helper.setFrom(properties.from());
      helper.setTo(mail.to());
      helper.setSubject(mail.subject());
      helper.setText(mail.text());
      // lets the receiving side (and an operator) tie a mail to its event
      message.setHeader("X-DigitalTowns-Event-Id", mail.eventId());
      mailSender.send(message);
      // the event id ties the line to the event; the address (personal data) and the text (links
      // with tokens) stay out of the log
      log.info("mail \"{}\" sent for event {}", mail.subject(), mail.eventId());
    } catch (MessagingException e) {
      throw new PermanentFailureException("mail for event " + mail.eventId() + " cannot be built: " + e.getMessage(), e);
    } catch (MailException e) {
      if (isPermanent(e)) {
        throw new PermanentFailureException("recipient refused for event " + mail.eventId() + ": " + e.getMessage(), e);
      }
      throw e;
    }
  }

  /** MessagingException exposes its next exception as its cause, so the chain covers SMTP's per-recipient failures. */
  private static boolean isPermanent(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof AddressException) {
        return true;
      }
      if (cause instanceof SMTPAddressFailedException refused && refused.getReturnCode() >= 500) {
        return true;
      }
    }
    return false;
  }
}
