package io.digitaltowns.infra.mail;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One mail as the SMTP server received it. {@code to} holds the envelope recipients (To, Cc and Bcc
 * alike); {@code text} is the plain-text body, taken from the text/plain part of a multipart mail;
 * {@code html} is the text/html part of a multipart mail, or null when the mail has none.
 *
 * @param id the mail's number in this server's inbox (the inbox page's address for it)
 */
public record ReceivedMail(
    long id,
    String from,
    List<String> to,
    String subject,
    String text,
    String html,
    Instant receivedAt,
    String messageId) {

  public ReceivedMail {
    to = List.copyOf(to);
  }

  static ReceivedMail of(
      long id, MimeMessage message, List<String> envelopeRecipients, Instant receivedAt)
      throws MessagingException, IOException {
    return new ReceivedMail(
        id,
        sender(message),
        envelopeRecipients,
        message.getSubject(),
        plainText(message).orElse(""),
        message.isMimeType("multipart/*") ? textPart(message, "text/html").orElse(null) : null,
        receivedAt,
        message.getMessageID());
  }

  private static String sender(MimeMessage message) throws MessagingException {
    Address[] from = message.getFrom();
    if (from == null || from.length == 0) {
      return null;
    }
    return from[0] instanceof InternetAddress address ? address.getAddress() : from[0].toString();
  }

  /**
   * The text/plain part if there is one, otherwise the first textual part (an HTML-only mail yields
   * its HTML).
   */
  private static Optional<String> plainText(Part part) throws MessagingException, IOException {
    return textPart(part, "text/plain")
        .or(
            () -> {
              try {
                return textPart(part, "text/*");
              } catch (MessagingException | IOException e) {
                return Optional.empty();
              }
            });
  }

  private static Optional<String> textPart(Part part, String mimeType)
      throws MessagingException, IOException {
    if (part.isMimeType(mimeType) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      return Optional.of(part.getContent().toString());
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        Optional<String> text = textPart(child, mimeType);
        if (text.isPresent()) {
          return text;
        }
      }
    }
    return Optional.empty();
  }
}
