package io.digitaltowns.consumers.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.digitaltowns.infra.LocalStack;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;

/** The sender keeps SMTP connections for the next mails, and still gets every mail out once. */
class ConnectionReusingMailSenderTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private final LocalStack stack = LocalStack.shared();
  private final CountingRelay relay = relay(stack);
  private ConnectionReusingMailSender sender;

  @AfterEach
  void close() {
    if (sender != null) {
      sender.destroy();
    }
    relay.close();
  }

  @Test
  void mails_one_after_the_other_go_over_one_connection() {
    sender = sender(Duration.ofSeconds(30), 100);

    String first = send();
    String second = send();
    String third = send();

    awaitOneMailEach(first, second, third);
    assertThat(relay.connections()).isEqualTo(1);
    assertThat(sender.idleConnections()).isEqualTo(1);
  }

  @Test
  void a_connection_that_sent_max_messages_is_replaced() {
    sender = sender(Duration.ofSeconds(30), 2);

    awaitOneMailEach(send(), send(), send());

    assertThat(relay.connections()).isEqualTo(2);
  }

  @Test
  void a_connection_idle_for_longer_than_max_idle_is_not_reused() {
    sender = sender(Duration.ZERO, 100);

    awaitOneMailEach(send(), send());

    assertThat(relay.connections()).isEqualTo(2);
  }

  @Test
  void
      a_connection_the_server_dropped_while_idle_costs_a_new_connection_and_the_mail_goes_out_once() {
    sender = sender(Duration.ofSeconds(30), 100);
    String before = send();
    awaitOneMailEach(before);

    relay.dropAll();
    await().atMost(DEADLINE).until(() -> relay.openConnections() == 0);
    String after = send();

    awaitOneMailEach(after);
    assertThat(relay.connections()).isEqualTo(2);
  }

  @Test
  void
      a_server_that_is_down_fails_the_mail_for_the_consumer_to_retry_and_the_next_attempt_gets_through() {
    sender = sender(Duration.ofSeconds(30), 100);
    String before = send();
    relay.dropAll();
    relay.refuse(true);
    String to = uniqueEmail();

    assertThatThrownBy(() -> sender.send(mail(to))).isInstanceOf(MailSendException.class);

    relay.refuse(false);
    sender.send(mail(to));
    awaitOneMailEach(before, to);
  }

  @Test
  void closing_the_sender_closes_its_idle_connections() {
    sender = sender(Duration.ofSeconds(30), 100);
    awaitOneMailEach(send());
    assertThat(relay.openConnections()).isEqualTo(1);

    sender.destroy();

    await().atMost(DEADLINE).until(() -> relay.openConnections() == 0);
    assertThat(sender.idleConnections()).isZero();
  }

  private ConnectionReusingMailSender sender(Duration maxIdle, int maxMessages) {
    ConnectionReusingMailSender created =
        new ConnectionReusingMailSender(new SmtpConnectionProperties(maxIdle, maxMessages));
    created.setHost(relay.host());
    created.setPort(relay.port());
    return created;
  }

  private String send() {
    String to = uniqueEmail();
    sender.send(mail(to));
    return to;
  }

  private static SimpleMailMessage mail(String to) {
    SimpleMailMessage mail = new SimpleMailMessage();
    mail.setFrom("no-reply@towns.example.org");
    mail.setTo(to);
    mail.setSubject("Reused");
    mail.setText("Hello");
    return mail;
  }

  private void awaitOneMailEach(String... recipients) {
    for (String to : recipients) {
      await().atMost(DEADLINE).until(() -> mailsTo(to) >= 1);
    }
    for (String to : recipients) {
      assertThat(mailsTo(to)).as("mails to " + to).isEqualTo(1);
    }
  }

  private long mailsTo(String to) {
    return stack.mail().messages().stream().filter(mail -> mail.to().contains(to)).count();
  }

  private static CountingRelay relay(LocalStack stack) {
    try {
      return new CountingRelay(stack.smtpHost(), stack.smtpPort());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String uniqueEmail() {
    return "reuse-" + UUID.randomUUID() + "@example.org";
  }
}
