package io.digitaltowns.consumers.email;

import io.digitaltowns.consumers.events.PermanentFailureException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends mail over SMTP and sorts failures by whom they belong to.
 *
 * <p>A failure of the record will never heal and is a {@link PermanentFailureException}
 * (dead-lettered at once, the partition moves on): an address that is not exactly deliverable as
 * stored ({@link DeliverableAddress}), a mail that cannot be built, a recipient the server refuses
 * with a 5xx reply, a message it refuses with a 5xx reply after DATA. A failure of the server
 * (connection refused or dropped, timeout, a 4xx reply, our sender address or login refused: every
 * mail would fail alike) is left to the consumer's retry in place with backoff, and the partition
 * waits for it.
 *
 * <p>Every mail is multipart/alternative: the text part and the HTML part, two renderings of its
 * {@link MailContent}.
 *
 * <p>Nothing personal reaches the log or the failure messages: no address (not even a malformed
 * one, which the mail library would quote in its own message), no subject (it may carry a person's
 * name), no text (links with tokens, residents' messages). The event id identifies the mail. The
 * library's exception stays attached as the cause, so its details reach the dead-letter record's
 * headers, beside the record value that holds the addresses anyway.
 */
@Component
class SmtpMailSender {

  private static final Logger log = LoggerFactory.getLogger(SmtpMailSender.class);

  private final JavaMailSender mailSender;
  private final EmailProperties properties;
  private final UnrecordedDeliveries unrecorded;
  private final MailFooter footer;

  SmtpMailSender(
      JavaMailSender mailSender, EmailProperties properties, UnrecordedDeliveries unrecorded) {
    this.mailSender = mailSender;
    this.properties = properties;
    this.unrecorded = unrecorded;
    this.footer = MailFooter.of(properties);
  }

  void send(OutgoingMail mail) {
    if (unrecorded.wasDelivered(mail)) {
      log.info(
          "mail for event {} was accepted by SMTP on an earlier attempt that did not commit; not sent again",
          mail.eventId());
      unrecorded.delivered(mail);
      return;
    }
    try {
      MimeMessage message = mailSender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
      helper.setFrom(properties.from());
      helper.setTo(DeliverableAddress.of(mail.to(), "recipient"));
      if (mail.replyTo() != null) {
        helper.setReplyTo(replyTo(mail.replyTo()));
      }
      helper.setSubject(mail.subject());
      message.setContent(alternatives(mail.content()));
      // lets the receiving side (and an operator) tie a mail to its event
      message.setHeader("X-DigitalTowns-Event-Id", mail.eventId());
      mailSender.send(message);
      unrecorded.delivered(mail);
      // the event id ties the line to the event; the address and the subject (personal data) and
      // the
      // text (links with tokens, residents' messages) stay out of the log
      log.info("mail sent for event {}", mail.eventId());
    } catch (DeliverableAddress.UnusableAddressException e) {
      throw new PermanentFailureException(
          "mail for event " + mail.eventId() + " cannot be built: " + e.getMessage(), e);
    } catch (MessagingException | UnsupportedEncodingException e) {
      // the library's message quotes the offending address: name the kind of failure only
      throw new PermanentFailureException(
          "mail for event "
              + mail.eventId()
              + " cannot be built ("
              + e.getClass().getSimpleName()
              + ")",
          e);
    } catch (MailException e) {
      Optional<String> refusal = refusalOfTheRecord(e);
      if (refusal.isPresent()) {
        throw new PermanentFailureException(
            "mail for event " + mail.eventId() + " refused for good (" + refusal.get() + ")", e);
      }
      throw e;
    }
  }

  /**
   * multipart/alternative: the plain text first, the HTML last (a client shows the last part it can
   * display), both rendered from the same content.
   */
  private MimeMultipart alternatives(MailContent content) throws MessagingException {
    MimeBodyPart text = new MimeBodyPart();
    text.setText(PlainTextMail.render(content, footer), StandardCharsets.UTF_8.name());
    MimeBodyPart html = new MimeBodyPart();
    html.setText(HtmlMail.render(content, footer), StandardCharsets.UTF_8.name(), "html");
    MimeMultipart alternatives = new MimeMultipart("alternative");
    alternatives.addBodyPart(text);
    alternatives.addBodyPart(html);
    return alternatives;
  }

  /** Checked here because the helper does not validate what it is given. */
  private static InternetAddress replyTo(OutgoingMail.ReplyTo replyTo)
      throws AddressException, UnsupportedEncodingException {
    String name = replyTo.name() == null ? null : MailText.oneLine(replyTo.name());
    String address = DeliverableAddress.of(replyTo.address(), "reply-to").getAddress();
    return new InternetAddress(
        address, name == null || name.isEmpty() ? null : name, StandardCharsets.UTF_8.name());
  }

  /**
   * What the server said that belongs to this mail, if anything. MessagingException exposes its
   * next exception as its cause, so the chain covers SMTP's per-recipient failures. Our sender
   * refused at MAIL FROM (Angus reports it as an SMTPSendFailedException for command MAIL,
   * sometimes with an SMTPSenderFailedException next to it) and 530 (authentication required) are
   * ours, not the record's: every mail would fail alike, so they are retried in place until someone
   * fixes {@code EMAIL_FROM} or the SMTP account, instead of dead-lettering every mail.
   */
  private static Optional<String> refusalOfTheRecord(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SMTPSenderFailedException
          || cause instanceof SMTPSendFailedException sending && isMailFrom(sending.getCommand())) {
        return Optional.empty();
      }
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof AddressException) {
        return Optional.of("malformed address");
      }
      if (cause instanceof SMTPAddressFailedException refused
          && isForGood(refused.getReturnCode())) {
        return Optional.of("recipient refused, SMTP " + refused.getReturnCode());
      }
      if (cause instanceof SMTPSendFailedException refused && isForGood(refused.getReturnCode())) {
        return Optional.of("message refused, SMTP " + refused.getReturnCode());
      }
    }
    return Optional.empty();
  }

  private static boolean isMailFrom(String command) {
    return command != null && command.regionMatches(true, 0, "MAIL", 0, 4);
  }

  private static boolean isForGood(int replyCode) {
    return replyCode >= 500 && replyCode != 530;
  }
}
