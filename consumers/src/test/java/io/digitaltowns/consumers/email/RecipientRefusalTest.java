package io.digitaltowns.consumers.email;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.digitaltowns.consumers.events.PermanentFailureException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailException;

/**
 * What the SMTP server says about a recipient or a message decides what the consumer does with the
 * record: a permanent refusal (5xx) is dead-lettered at once, a temporary one (4xx) is retried; a
 * refusal of our sender is ours, not the record's, and is retried too.
 */
class RecipientRefusalTest {

  @Test
  void
      a_recipient_the_server_refuses_for_good_is_a_permanent_failure_that_names_the_code_not_the_address()
          throws Exception {
    try (RefusingSmtpServer server = new RefusingSmtpServer("550 5.1.1 no such user")) {
      String to = "nobody-" + UUID.randomUUID() + "@example.org";

      assertThatThrownBy(
              () ->
                  sender(server)
                      .send(
                          new OutgoingMail(
                              UUID.randomUUID().toString(), to, MailContents.titled("Welcome"))))
          .isInstanceOf(PermanentFailureException.class)
          .hasMessageContaining("SMTP 550")
          .hasMessageNotContaining(to);
    }
  }

  @Test
  void a_recipient_the_server_turns_away_for_now_is_left_to_the_retry() throws Exception {
    try (RefusingSmtpServer server = new RefusingSmtpServer("450 4.2.1 mailbox busy, try later")) {
      assertThatThrownBy(
              () ->
                  sender(server)
                      .send(
                          new OutgoingMail(
                              UUID.randomUUID().toString(),
                              "busy@example.org",
                              MailContents.titled("Welcome"))))
          .isInstanceOf(MailException.class)
          .isNotInstanceOf(PermanentFailureException.class);
    }
  }

  @Test
  void a_message_the_server_refuses_for_good_after_its_data_is_a_permanent_failure()
      throws Exception {
    try (RefusingSmtpServer server =
        RefusingSmtpServer.refusingMessages("554 5.6.0 message content rejected")) {
      assertThatThrownBy(
              () ->
                  sender(server)
                      .send(
                          new OutgoingMail(
                              UUID.randomUUID().toString(),
                              "someone@example.org",
                              MailContents.titled("Welcome"))))
          .isInstanceOf(PermanentFailureException.class)
          .hasMessageContaining("message refused, SMTP 554");
    }
  }

  @Test
  void our_sender_refused_by_the_server_is_not_the_records_failure_and_is_left_to_the_retry()
      throws Exception {
    for (String refusal :
        List.of("550 5.7.1 sender not allowed", "530 5.7.0 authentication required")) {
      try (RefusingSmtpServer server = RefusingSmtpServer.refusingSenders(refusal)) {
        assertThatThrownBy(
                () ->
                    sender(server)
                        .send(
                            new OutgoingMail(
                                UUID.randomUUID().toString(),
                                "someone@example.org",
                                MailContents.titled("Welcome"))))
            .as(refusal)
            .isInstanceOf(MailException.class)
            .isNotInstanceOf(PermanentFailureException.class);
      }
    }
  }

  private static SmtpMailSender sender(RefusingSmtpServer server) {
    ConnectionReusingMailSender smtp =
        new ConnectionReusingMailSender(new SmtpConnectionProperties(Duration.ofSeconds(5), 100));
    smtp.setHost(server.host());
    smtp.setPort(server.port());
    return new SmtpMailSender(
        smtp,
        new EmailProperties(
            "DigitalTowns <no-reply@towns.example.org>",
            "https://towns.example.org",
            "a-test-email-link-secret-of-at-least-32-bytes",
            List.of()),
        new UnrecordedDeliveries());
  }
}
