package io.digitaltowns.infra.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mail as the SMTP server accepted it, read into a {@link ReceivedMail} only when someone asks.
 * GreenMail hands mails over one at a time under a lock, so parsing each one there made every
 * sender wait for the parsing of the others (docs/benchmarks.md).
 */
final class AcceptedMail {

  private static final Logger log = LoggerFactory.getLogger(AcceptedMail.class);

  private final long id;
  private final MimeMessage message;
  private final List<String> recipients;
  private final Instant receivedAt;
  private ReceivedMail read;
  private boolean unreadable;

  AcceptedMail(long id, MimeMessage message, List<String> recipients, Instant receivedAt) {
    this.id = id;
    this.message = message;
    this.recipients = recipients;
    this.receivedAt = receivedAt;
  }

  /** The mail's summary, or null when it cannot be read (logged once). */
  synchronized ReceivedMail read() {
    if (read == null && !unreadable) {
      try {
        read = ReceivedMail.of(id, message, recipients, receivedAt);
      } catch (IOException | MessagingException | RuntimeException e) {
        unreadable = true;
        log.warn("cannot read a received mail to {}", recipients, e);
      }
    }
    return read;
  }
}
