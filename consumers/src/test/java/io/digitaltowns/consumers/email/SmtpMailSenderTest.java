package io.digitaltowns.consumers.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.digitaltowns.consumers.events.PermanentFailureException;
import io.digitaltowns.infra.LocalStack;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The sender against the local stack's real SMTP server. The server's summary of a received mail
 * has no Reply-To, so the headers are read from the message as it went out over SMTP.
 */
class SmtpMailSenderTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private final LocalStack stack = LocalStack.shared();
  private final RecordingMailSender smtp = new RecordingMailSender(stack);
  private final SmtpMailSender sender =
      new SmtpMailSender(
          smtp,
          new EmailProperties(
              "DigitalTowns <no-reply@towns.example.org>",
              "https://towns.example.org",
              "a-test-email-link-secret-of-at-least-32-bytes",
              List.of()),
          new UnrecordedDeliveries());

  @Test
  void a_reply_to_goes_out_in_the_headers_of_the_mail_so_the_answer_reaches_that_person()
      throws Exception {
    String owner = uniqueEmail("owner");
    String resident = uniqueEmail("resident");
    String eventId = UUID.randomUUID().toString();

    sender.send(
        new OutgoingMail(
            eventId,
            owner,
            MailContents.titled("New message"),
            new OutgoingMail.ReplyTo(resident, "Rita Résident")));

    awaitReceivedBy(owner);
    MimeMessage sent = onlySent();
    assertThat(sent.getReplyTo())
        .containsExactly(new InternetAddress(resident, "Rita Résident", "UTF-8"));
    assertThat(((InternetAddress) sent.getReplyTo()[0]).getPersonal()).isEqualTo("Rita Résident");
    assertThat(((InternetAddress) sent.getFrom()[0]).getAddress())
        .isEqualTo("no-reply@towns.example.org");
    assertThat(sent.getHeader("X-DigitalTowns-Event-Id")).containsExactly(eventId);
    // the name travels encoded (RFC 2047), the address as it is
    assertThat(headers(sent))
        .containsPattern(
            "(?m)^Reply-To: =\\?UTF-8\\?Q\\?Rita_R=C3=A9sident\\?= <"
                + Pattern.quote(resident)
                + ">\\r?$");
  }

  @Test
  void a_mail_accepted_by_smtp_whose_transaction_then_rolled_back_is_not_sent_again_on_the_retry() {
    String to = uniqueEmail("rolled-back");
    OutgoingMail mail =
        new OutgoingMail(UUID.randomUUID().toString(), to, MailContents.titled("Welcome"));

    inATransactionThat(
        TransactionSynchronization.STATUS_ROLLED_BACK,
        () -> sender.send(mail)); // the database failed
    inATransactionThat(
        TransactionSynchronization.STATUS_COMMITTED,
        () -> sender.send(mail)); // the retry records it
    awaitReceivedBy(to);

    assertThat(smtp.sent()).hasSize(1);
  }

  @Test
  void once_its_record_committed_the_same_mail_is_no_longer_held_back() {
    String to = uniqueEmail("committed");
    OutgoingMail mail =
        new OutgoingMail(UUID.randomUUID().toString(), to, MailContents.titled("Welcome"));

    inATransactionThat(TransactionSynchronization.STATUS_COMMITTED, () -> sender.send(mail));
    // processed_events is what stops a second run now; the sender itself sends what it is given
    inATransactionThat(TransactionSynchronization.STATUS_COMMITTED, () -> sender.send(mail));

    await().atMost(DEADLINE).until(() -> smtp.sent().size() == 2);
  }

  /** What a transaction manager does around the handler, ending the way the test says. */
  private static void inATransactionThat(int outcome, Runnable work) {
    TransactionSynchronizationManager.initSynchronization();
    try {
      work.run();
      TransactionSynchronizationManager.getSynchronizations()
          .forEach(sync -> sync.afterCompletion(outcome));
    } finally {
      TransactionSynchronizationManager.clearSynchronization();
    }
  }

  @Test
  void a_mail_without_a_reply_to_has_none_and_answers_go_to_the_sender() throws Exception {
    String to = uniqueEmail("plain");

    sender.send(new OutgoingMail(UUID.randomUUID().toString(), to, MailContents.titled("Welcome")));

    awaitReceivedBy(to);
    assertThat(onlySent().getHeader("Reply-To")).isNull();
  }

  @Test
  void line_breaks_in_the_reply_to_name_cannot_add_headers() throws Exception {
    String owner = uniqueEmail("owner");
    String resident = uniqueEmail("resident");

    sender.send(
        new OutgoingMail(
            UUID.randomUUID().toString(),
            owner,
            MailContents.titled("New message"),
            new OutgoingMail.ReplyTo(resident, "Eve\r\nBcc: someone-else@example.org")));

    awaitReceivedBy(owner);
    assertThat(headers(onlySent())).doesNotContainPattern("(?mi)^Bcc:");
    assertThat(stack.mail().messages())
        .noneMatch(mail -> mail.to().contains("someone-else@example.org"));
  }

  @Test
  void a_malformed_reply_to_is_a_permanent_failure_whose_message_does_not_quote_the_address() {
    String malformed = "rita at example dot org " + UUID.randomUUID();

    assertThatThrownBy(
            () ->
                sender.send(
                    new OutgoingMail(
                        UUID.randomUUID().toString(),
                        uniqueEmail("owner"),
                        MailContents.titled("New message"),
                        new OutgoingMail.ReplyTo(malformed, "Rita"))))
        .isInstanceOf(PermanentFailureException.class)
        .hasMessageContaining("cannot be built")
        .hasMessageNotContaining(malformed);
    assertThat(smtp.sent()).isEmpty();
  }

  private MimeMessage onlySent() {
    assertThat(smtp.sent()).hasSize(1);
    return smtp.sent().get(0);
  }

  private void awaitReceivedBy(String to) {
    await()
        .atMost(DEADLINE)
        .until(() -> stack.mail().messages().stream().anyMatch(mail -> mail.to().contains(to)));
  }

  /** The header block as it went over the wire, long headers unfolded onto one line each. */
  private static String headers(MimeMessage message) throws Exception {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    message.writeTo(raw);
    String text = raw.toString(StandardCharsets.UTF_8);
    return text.substring(0, text.indexOf("\r\n\r\n")).replaceAll("\r\n[ \t]+", " ");
  }

  private static String uniqueEmail(String prefix) {
    return prefix + "-" + UUID.randomUUID() + "@example.org";
  }
}
