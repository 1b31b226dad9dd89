package io.digitaltowns.consumers.email;

/**
 * One mail to send, tied to the event that caused it.
 *
 * @param content what the mail says; {@link SmtpMailSender} renders it as text and as HTML
 * @param replyTo where answers go instead of the sender ({@code EMAIL_FROM}, which nobody reads);
 *     null for mails nobody should answer
 */
public record OutgoingMail(String eventId, String to, MailContent content, ReplyTo replyTo) {

  /** A mail without a Reply-To: answers would go to the sender address. */
  public OutgoingMail(String eventId, String to, MailContent content) {
    this(eventId, to, content, null);
  }

  public String subject() {
    return content.subject();
  }

  /**
   * The person an answer should reach.
   *
   * @param address the email address
   * @param name their display name, or null
   */
  public record ReplyTo(String address, String name) {}
}
