package io.digitaltowns.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.digitaltowns.infra.mail.MailServer;
import io.digitaltowns.infra.mail.ReceivedMail;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An SMTP server that is down delays the welcome email; the consumer retries until it is back. */
class SmtpOutageTest {

  private final LocalSystem system = SharedSystem.get();
  private final ApiClient api = new ApiClient(system.apiUrl());
  private final MailServer mail = system.stack().mail();

  @AfterEach
  void smtpIsBack() {
    mail.start();
  }

  @Test
  void a_welcome_email_sent_while_smtp_is_down_arrives_once_it_is_back() {
    mail.stop();
    String email = ApiClient.uniqueEmail("outage");
    String userId = api.register(email, "Patient Reader");

    // the event has reached Kafka while SMTP is still down, so the consumer meets the outage
    try (TopicReader reader =
        new TopicReader(system.stack().kafkaBootstrapServers(), "dt.accounts.events")) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  reader.poll().stream()
                      .anyMatch(
                          r ->
                              r.key() != null
                                  && userId.equals(new String(r.key(), StandardCharsets.UTF_8))));
    }
    assertThat(mailsTo(email)).isZero();

    mail.start();

    // a dead-lettered record would never be mailed, so one mail means it was retried, not dropped
    await().atMost(Duration.ofSeconds(90)).until(() -> mailsTo(email) == 1);
  }

  private long mailsTo(String email) {
    return mail.messages().stream()
        .map(ReceivedMail::to)
        .filter(to -> to.stream().anyMatch(address -> address.contains(email)))
        .count();
  }
}
