package io.digitaltowns.consumers.email;

import static io.digitaltowns.consumers.email.EmailGroupProbe.DEADLINE;
import static io.digitaltowns.consumers.email.EmailGroupProbe.awaitMail;
import static io.digitaltowns.consumers.email.EmailGroupProbe.committedOffset;
import static io.digitaltowns.consumers.email.EmailGroupProbe.deadLetterKeys;
import static io.digitaltowns.consumers.email.EmailGroupProbe.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import io.digitaltowns.consumers.EventFeed;
import io.digitaltowns.consumers.RunningConsumers;
import io.digitaltowns.events.accounts.EmailVerificationRequested;
import io.digitaltowns.events.accounts.EmailVerified;
import io.digitaltowns.events.accounts.PasswordChangeReason;
import io.digitaltowns.events.accounts.PasswordChanged;
import io.digitaltowns.events.accounts.PasswordResetRequested;
import io.digitaltowns.events.accounts.Role;
import io.digitaltowns.events.accounts.SignInMethod;
import io.digitaltowns.events.accounts.SignupMethod;
import io.digitaltowns.events.accounts.UserDeleted;
import io.digitaltowns.events.accounts.UserRegistered;
import io.digitaltowns.events.accounts.UserReinstated;
import io.digitaltowns.events.accounts.UserRoleChanged;
import io.digitaltowns.events.accounts.UserSignedIn;
import io.digitaltowns.events.accounts.UserSuspended;
import io.digitaltowns.events.catalog.Topics;
import io.digitaltowns.events.links.EmailLinkTokens;
import io.digitaltowns.events.links.EmailLinkTokens.Purpose;
import io.digitaltowns.infra.LocalStack;
import io.digitaltowns.infra.mail.ReceivedMail;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The email consumer group as deployed: the consumers application against a real Kafka broker,
 * schema registry, PostgreSQL and SMTP server, fed Avro records on dt.accounts.events the way the
 * relay publishes them. What is asserted is what arrives in the mailbox.
 */
class AccountMailsTest {

  private static final String TOPIC = Topics.ACCOUNTS_EVENTS;
  private static final String DEAD_LETTERS = Topics.ACCOUNTS_EVENTS_EMAIL_DLT;
  private static final Pattern TOKEN_LINK = Pattern.compile("https?://\\S+[?&]token=");

  private static LocalStack stack;
  private static ConfigurableApplicationContext consumers;
  private static EventFeed feed;

  private final EmailLinkTokens tokens = new EmailLinkTokens(RunningConsumers.EMAIL_LINK_SECRET);

  @BeforeAll
  static void startConsumers() {
    stack = LocalStack.shared();
    consumers = RunningConsumers.start(stack, Map.of());
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
  }

  @Test
  void
      a_new_account_is_welcomed_with_a_link_that_verifies_the_address_with_the_token_derived_from_the_event() {
    String userId = UUID.randomUUID().toString();
    String email = uniqueEmail("welcome");
    UserRegistered registered =
        UserRegistered.newBuilder()
            .setEventId(eventId())
            .setOccurredAt(now())
            .setAggregateId(userId)
            .setEmail(email)
            .setDisplayName("Grace Hopper")
            .setSignupMethod(SignupMethod.PASSWORD)
            .build();

    publish(userId, registered);

    ReceivedMail mail = awaitMail(email, "Welcome to DigitalTowns");
    assertThat(mail.text())
        .contains("Hello Grace Hopper")
        .contains(
            RunningConsumers.PUBLIC_BASE_URL
                + "/api/auth/verify-email?token="
                + tokens.tokenFor(Purpose.VERIFY_EMAIL, registered.getEventId()))
        .contains("choose the password")
        .contains("Did you not sign up for DigitalTowns?")
        .contains("the account stays unconfirmed");
  }

  @Test
  void an_account_from_a_social_sign_in_is_welcomed_without_a_verification_link() {
    String userId = UUID.randomUUID().toString();
    String email = uniqueEmail("social");
    UserRegistered registered =
        UserRegistered.newBuilder()
            .setEventId(eventId())
            .setOccurredAt(now())
            .setAggregateId(userId)
            .setEmail(email)
            .setDisplayName("Social")
            .setSignupMethod(SignupMethod.GOOGLE)
            .build();

    publish(userId, registered);

    ReceivedMail mail = awaitMail(email, "Welcome to DigitalTowns");
    assertThat(mail.text()).contains("Hello Social").doesNotContain("Did you not sign up");
    assertThat(TOKEN_LINK.matcher(mail.text()).find())
        .as("a link with a token in: %s", mail.text())
        .isFalse();
  }

  @Test
  void a_verification_request_mails_a_link_with_the_token_derived_from_the_event() {
    String userId = UUID.randomUUID().toString();
    String email = uniqueEmail("verify");
    EmailVerificationRequested requested =
        EmailVerificationRequested.newBuilder()
            .setEventId(eventId())
            .setOccurredAt(now())
            .setAggregateId(userId)
            .setEmail(email)
            .setDisplayName("Ada")
            .build();

    publish(userId, requested);

    ReceivedMail mail = awaitMail(email, "Confirm your email address");
    assertThat(mail.text())
        .contains("Hello Ada")
        .contains(
            RunningConsumers.PUBLIC_BASE_URL
                + "/api/auth/verify-email?token="
                + tokens.tokenFor(Purpose.VERIFY_EMAIL, requested.getEventId()));
  }

  @Test
  void a_password_reset_request_mails_a_link_with_the_token_derived_from_the_event() {
    String userId = UUID.randomUUID().toString();
    String email = uniqueEmail("reset");
    PasswordResetRequested requested =
        PasswordResetRequested.newBuilder()
            .setEventId(eventId())
            .setOccurredAt(now())
            .setAggregateId(userId)
            .setEmail(email)
            .setDisplayName("Forgetful")
            .build();

    publish(userId, requested);

    ReceivedMail mail = awaitMail(email, "Reset your DigitalTowns password");
    assertThat(mail.text())
        .contains("Hello Forgetful")
        .contains(
            RunningConsumers.PUBLIC_BASE_URL
                + "/reset-password?token="
                + tokens.tokenFor(Purpose.RESET_PASSWORD, requested.getEventId()))
        .doesNotContain(tokens.tokenFor(Purpose.VERIFY_EMAIL, requested.getEventId()))
        .contains("expires")
        .contains("ignore this mail");
  }

  @Test
  void a_password_change_is_announced_without_any_link_that_carries_a_token() {
    String userId = UUID.randomUUID().toString();
    String changedEmail = uniqueEmail("changed");
    String resetEmail = uniqueEmail("was-reset");
    PasswordChanged changed = passwordChanged(userId, changedEmail, PasswordChangeReason.CHANGED);
    PasswordChanged reset = passwordChanged(userId, resetEmail, PasswordChangeReason.RESET);

    publish(userId, changed);
    publish(userId, reset);

    ReceivedMail changedMail = awaitMail(changedEmail, "Your password was changed");
    ReceivedMail resetMail = awaitMail(resetEmail, "Your password was changed");
    for (ReceivedMail mail : List.of(changedMail, resetMail)) {
      assertThat(mail.text()).contains("Hello Linus");
      assertThat(TOKEN_LINK.matcher(mail.text()).find())
          .as("a link with a token in: %s", mail.text())
          .isFalse();
      assertThat(mail.text())
          .doesNotContain(
              tokens.tokenFor(Purpose.RESET_PASSWORD, changed.getEventId()),
              tokens.tokenFor(Purpose.RESET_PASSWORD, reset.getEventId()));
    }
    assertThat(resetMail.text()).as("says how it changed").contains("was reset with a link");
    assertThat(changedMail.text()).doesNotContain("was reset with a link");
  }

  @Test
  void mailing_a_reset_link_logs_the_event_but_neither_the_token_nor_the_address() {
    String userId = UUID.randomUUID().toString();
    String email = uniqueEmail("quiet");
    PasswordResetRequested requested =
        PasswordResetRequested.newBuilder()
            .setEventId(eventId())
            .setOccurredAt(now())
            .setAggregateId(userId)
            .setEmail(email)
            .setDisplayName("Quiet")
            .build();
    List<String> lines = new CopyOnWriteArrayList<>();
    ch.qos.logback.classic.Logger root =
        (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    AppenderBase<ILoggingEvent> capture =
        new AppenderBase<>() {
          @Override
          protected void append(ILoggingEvent event) {
            lines.add(
                event.getLoggerName()
                    + " "
                    + event.getFormattedMessage()
                    + (event.getThrowableProxy() == null
                        ? ""
                        : " " + ThrowableProxyUtil.asString(event.getThrowableProxy())));
          }
        };
    capture.setContext(root.getLoggerContext());
    capture.start();
    root.addAppender(capture);
    try {
      publish(userId, requested);

      awaitMail(email, "Reset your DigitalTowns password");
      await()
          .atMost(DEADLINE)
          .until(() -> lines.stream().anyMatch(line -> line.contains(requested.getEventId())));
    } finally {
      root.detachAppender(capture);
      capture.stop();
    }
    String token = tokens.tokenFor(Purpose.RESET_PASSWORD, requested.getEventId());
    assertThat(lines)
        .noneMatch(
            line ->
                line.contains(token)
                    || line.contains(email)
                    || line.contains(RunningConsumers.EMAIL_LINK_SECRET));
  }

  @Test
  void a_redelivered_password_reset_request_is_mailed_once() {
    String userId = UUID.randomUUID().toString();
    String email = uniqueEmail("reset-twice");
    String laterEmail = uniqueEmail("reset-after");
    PasswordResetRequested twice =
        PasswordResetRequested.newBuilder()
            .setEventId(eventId())
            .setOccurredAt(now())
            .setAggregateId(userId)
            .setEmail(email)
            .setDisplayName("Twice")
            .build();
    PasswordResetRequested later =
        PasswordResetRequested.newBuilder()
            .setEventId(eventId())
            .setOccurredAt(now())
            .setAggregateId(userId)
            .setEmail(laterEmail)
            .setDisplayName("Later")
            .build();

    publish(userId, twice);
    publish(userId, twice);
    // same key, same partition, consumed in order: once the later one is mailed, both copies were
    // handled
    publish(userId, later);

    awaitMail(laterEmail, "Reset your DigitalTowns password");
    assertThat(mailsTo(email)).hasSize(1);
  }

  @Test
  void events_the_email_group_does_not_act_on_are_acknowledged_and_skipped_not_dead_lettered()
      throws Exception {
    String userId = UUID.randomUUID().toString();
    String email = uniqueEmail("after-skipped");
    List<SpecificRecord> ignored =
        List.of(
            EmailVerified.newBuilder()
                .setEventId(eventId())
                .setOccurredAt(now())
                .setAggregateId(userId)
                .setEmail(uniqueEmail("verified"))
                .build(),
            UserSignedIn.newBuilder()
                .setEventId(eventId())
                .setOccurredAt(now())
                .setAggregateId(userId)
                .setMethod(SignInMethod.PASSWORD)
                .build(),
            UserRoleChanged.newBuilder()
                .setEventId(eventId())
                .setOccurredAt(now())
                .setAggregateId(userId)
                .setRole(Role.BUSINESS_OWNER)
                .setGranted(true)
                .build(),
            UserSuspended.newBuilder()
                .setEventId(eventId())
                .setOccurredAt(now())
                .setAggregateId(userId)
                .setSuspendedBy("admin-1")
                .build(),
            UserReinstated.newBuilder()
                .setEventId(eventId())
                .setOccurredAt(now())
                .setAggregateId(userId)
                .setReinstatedBy("admin-1")
                .build(),
            UserDeleted.newBuilder()
                .setEventId(eventId())
                .setOccurredAt(now())
                .setAggregateId(userId)
                .build());
    PasswordResetRequested next =
        PasswordResetRequested.newBuilder()
            .setEventId(eventId())
            .setOccurredAt(now())
            .setAggregateId(userId)
            .setEmail(email)
            .setDisplayName("Next")
            .build();

    RecordMetadata lastIgnored = null;
    for (SpecificRecord event : ignored) {
      lastIgnored = publish(userId, event);
    }
    publish(userId, next);

    // a record that failed would be retried with backoff for minutes before the next one is read
    awaitMail(email, "Reset your DigitalTowns password");
    TopicPartition partition = new TopicPartition(lastIgnored.topic(), lastIgnored.partition());
    long ignoredOffset = lastIgnored.offset();
    await().atMost(DEADLINE).until(() -> committedOffset(partition) > ignoredOffset);
    assertThat(deadLetterKeys(DEAD_LETTERS)).doesNotContain(userId);
  }

  private RecordMetadata publish(String key, SpecificRecord event) {
    return feed.send(TOPIC, key, event);
  }

  private static PasswordChanged passwordChanged(
      String userId, String email, PasswordChangeReason reason) {
    return PasswordChanged.newBuilder()
        .setEventId(eventId())
        .setOccurredAt(now())
        .setAggregateId(userId)
        .setEmail(email)
        .setDisplayName("Linus")
        .setReason(reason)
        .build();
  }

  private static String eventId() {
    return UUID.randomUUID().toString();
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  private static String uniqueEmail(String prefix) {
    return prefix + "-" + UUID.randomUUID() + "@example.org";
  }
}
