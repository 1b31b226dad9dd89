package io.digitaltowns.consumers.email;

import static io.digitaltowns.consumers.email.EmailGroupProbe.deadLetterKeys;
import static io.digitaltowns.consumers.email.EmailGroupProbe.deadLetterReasons;
import static io.digitaltowns.consumers.email.EmailGroupProbe.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import io.digitaltowns.consumers.EventFeed;
import io.digitaltowns.consumers.RunningConsumers;
import io.digitaltowns.events.accounts.SignupMethod;
import io.digitaltowns.events.accounts.UserRegistered;
import io.digitaltowns.events.catalog.Topics;
import io.digitaltowns.infra.LocalStack;
import io.digitaltowns.infra.mail.ReceivedMail;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 16, finding 4: an address the mail layer cannot deliver exactly as stored, or one the
 * server refuses for good, is a failure of its record. It goes to the dead-letter topic at once
 * with its reason, and the mails behind it on its partition go out within seconds; only an SMTP
 * outage holds a partition (retried in place until the server is back). The consumers send through
 * a relay in front of the local stack's SMTP server that refuses one marked mailbox with {@value
 * RecipientFilteringRelay#REFUSAL} and can be taken down.
 */
class PoisonAddressesTest {

  private static final String TOPIC = Topics.ACCOUNTS_EVENTS;
  private static final String DEAD_LETTERS = Topics.ACCOUNTS_EVENTS_EMAIL_DLT;
  private static final String REFUSED_MARKER = "no-such-mailbox-";
  private static final int NORMAL_REGISTRATIONS = 100;

  /**
   * Every normal mail arrives within this (the retry of a poison record used to take up to 30
   * minutes).
   */
  private static final Duration WITHIN = Duration.ofSeconds(30);

  /** The logger of the consumers' error handling (package-private there). */
  private static final String ERROR_HANDLING =
      "io.digitaltowns.consumers.events.ConsumerErrorHandling";

  private static RecipientFilteringRelay smtp;
  private static ConfigurableApplicationContext consumers;
  private static EventFeed feed;

  @BeforeAll
  static void startConsumers() throws Exception {
    LocalStack stack = LocalStack.shared();
    smtp = new RecipientFilteringRelay(stack.smtpHost(), stack.smtpPort(), REFUSED_MARKER);
    // the retry as deployed (30 minutes), only starting sooner so that the outage test does not
    // wait a second
    consumers =
        RunningConsumers.start(
            stack,
            Map.of(
                "spring.mail.host",
                smtp.host(),
                "spring.mail.port",
                smtp.port(),
                "digitaltowns.consumers.retry.initial-interval",
                "200ms",
                "digitaltowns.consumers.retry.max-interval",
                "1s"));
    feed = new EventFeed(stack);
  }

  @AfterAll
  static void stopConsumers() {
    if (feed != null) {
      feed.close();
    }
    if (consumers != null) {
      consumers.close();
    }
    if (smtp != null) {
      smtp.close();
    }
  }

  @Test
  void
      poison_addresses_on_every_partition_are_dead_lettered_at_once_with_their_reason_and_every_mail_behind_them_goes_out()
          throws Exception {
    int partitions = feed.partitionsOf(TOPIC);
    Map<String, String> poisonReasonByUser = new LinkedHashMap<>();
    List<String> poisonAddresses = new ArrayList<>();
    List<String> poisonIds = new ArrayList<>();
    List<String> normalAddresses = new ArrayList<>();
    Map<String, Instant> publishedAt = new LinkedHashMap<>();
    List<String> lines;
    try (LogLines log = new LogLines()) {
      for (int partition = 0; partition < partitions; partition++) {
        String id = UUID.randomUUID().toString();
        poisonIds.add(id);
        // U+200D: Jakarta Mail would write it as a CR in the middle of RCPT TO
        poison(
            partition,
            "zero\u200Dwidth-" + id + "@example.org",
            "recipient address is not printable ASCII",
            poisonReasonByUser,
            poisonAddresses);
        // Cyrillic о (U+043E): Jakarta Mail would write the byte 0x3E, another mailbox than the
        // stored one
        poison(
            partition,
            "l\u043Eok-alike-" + id + "@example.org",
            "recipient address is not printable ASCII",
            poisonReasonByUser,
            poisonAddresses);
        poison(
            partition,
            "two@example.org,addresses-" + id + "@example.org",
            "recipient address does not parse strictly",
            poisonReasonByUser,
            poisonAddresses);
        // parsed, it is angle-...@example.org: not what was stored
        poison(
            partition,
            "<angle-" + id + "@example.org>",
            "recipient address is not one bare address exactly as stored",
            poisonReasonByUser,
            poisonAddresses);
        poison(
            partition,
            REFUSED_MARKER + id + "@example.org",
            "recipient refused, SMTP 550",
            poisonReasonByUser,
            poisonAddresses);
      }
      for (int i = 0; i < NORMAL_REGISTRATIONS; i++) {
        String email = "after-poison-" + i + "-" + UUID.randomUUID() + "@example.org";
        normalAddresses.add(email);
        publishedAt.put(email, Instant.now());
        publish(UUID.randomUUID().toString(), null, email);
      }

      await()
          .atMost(WITHIN)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> normalAddresses.stream().allMatch(email -> !mailsTo(email).isEmpty()));
      await()
          .atMost(WITHIN)
          .until(() -> deadLetterKeys(DEAD_LETTERS).containsAll(poisonReasonByUser.keySet()));
      lines = log.linesAt(Level.WARN, ERROR_HANDLING);
    }

    Map<String, String> reasons = deadLetterReasons(DEAD_LETTERS);
    poisonReasonByUser.forEach(
        (user, reason) -> assertThat(reasons.get(user)).as("reason of %s", user).contains(reason));
    assertThat(lines.stream().filter(line -> line.contains("dead-lettered to " + DEAD_LETTERS)))
        .as("a WARN line with its reason per poison record")
        .hasSizeGreaterThanOrEqualTo(poisonReasonByUser.size())
        .anyMatch(line -> line.contains("recipient address is not printable ASCII"))
        .anyMatch(line -> line.contains("recipient refused, SMTP 550"));
    assertThat(lines)
        .as("the poison records are not retried")
        .noneMatch(line -> line.contains("retried in place"));
    assertThat(lines).noneMatch(line -> poisonAddresses.stream().anyMatch(line::contains));
    // nothing went to what the SMTP layer would have made of a look-alike (U+043E cut to '>',
    // U+200D to CR)
    List<String> received =
        LocalStack.shared().mail().messages().stream().flatMap(mail -> mail.to().stream()).toList();
    assertThat(received).noneMatch(to -> poisonIds.stream().anyMatch(to::contains));
    List<Duration> deliveries =
        normalAddresses.stream()
            .map(email -> Duration.between(publishedAt.get(email), firstMail(email).receivedAt()))
            .sorted()
            .toList();
    System.out.printf(
        "poison records: %d on %d partitions; mails: %d, delivered after median %d ms, max %d ms%n",
        poisonReasonByUser.size(),
        partitions,
        deliveries.size(),
        deliveries.get(deliveries.size() / 2).toMillis(),
        deliveries.get(deliveries.size() - 1).toMillis());
    assertThat(deliveries).allMatch(delivery -> delivery.compareTo(WITHIN) < 0);
  }

  @Test
  void
      while_the_smtp_server_is_down_a_mail_is_retried_in_place_not_dead_lettered_and_goes_out_once_it_is_back() {
    String userId = UUID.randomUUID().toString();
    String email = "during-outage-" + UUID.randomUUID() + "@example.org";
    smtp.down(true);
    try (LogLines log = new LogLines()) {
      publish(userId, null, email);

      await()
          .atMost(WITHIN)
          .until(
              () ->
                  log.linesAt(Level.WARN, ERROR_HANDLING).stream()
                          .filter(line -> line.contains("retried in place"))
                          .count()
                      >= 3);
      assertThat(mailsTo(email)).isEmpty();
      assertThat(deadLetterKeys(DEAD_LETTERS)).doesNotContain(userId);
    } finally {
      smtp.down(false);
    }

    await().atMost(WITHIN).until(() -> !mailsTo(email).isEmpty());
    assertThat(deadLetterKeys(DEAD_LETTERS)).doesNotContain(userId);
  }

  private static void poison(
      int partition,
      String email,
      String reason,
      Map<String, String> reasonByUser,
      List<String> addresses) {
    String userId = UUID.randomUUID().toString();
    reasonByUser.put(userId, reason);
    addresses.add(email);
    publish(userId, partition, email);
  }

  private static void publish(String userId, Integer partition, String email) {
    UserRegistered registered =
        UserRegistered.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
            .setAggregateId(userId)
            .setEmail(email)
            .setDisplayName("Reg")
            .setSignupMethod(SignupMethod.PASSWORD)
            .build();
    if (partition == null) {
      feed.send(TOPIC, userId, registered);
    } else {
      feed.send(TOPIC, partition, userId, registered);
    }
  }

  private static ReceivedMail firstMail(String email) {
    return mailsTo(email).get(0);
  }
}
