package io.digitaltowns.consumers.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.digitaltowns.consumers.EventFeed;
import io.digitaltowns.consumers.RunningConsumers;
import io.digitaltowns.events.accounts.SignupMethod;
import io.digitaltowns.events.accounts.UserRegistered;
import io.digitaltowns.events.catalog.Topics;
import io.digitaltowns.infra.LocalStack;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The consumers application as deployed, fed a registration the way the relay publishes it (with a
 * {@code traceparent} header): the email consumer's log line about the mail carries the trace id,
 * and the application's meter registry counts the event and its latency.
 */
class ConsumerTracingTest {

  private static final Duration DEADLINE = Duration.ofSeconds(60);

  private static LocalStack stack;
  private static ConfigurableApplicationContext consumers;
  private static EventFeed feed;

  private final List<ILoggingEvent> lines = new CopyOnWriteArrayList<>();

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
  void the_trace_id_of_a_registration_is_in_the_email_consumers_log_and_the_event_is_counted()
      throws Exception {
    String traceId = UUID.randomUUID().toString().replace("-", "");
    String userId = UUID.randomUUID().toString();
    // the envelope has no trace id: the relay's traceparent header is what carries it here
    UserRegistered registered =
        UserRegistered.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
            .setAggregateId(userId)
            .setEmail("traced-" + userId.substring(0, 8) + "@example.org")
            .setDisplayName("Traced")
            .setSignupMethod(SignupMethod.PASSWORD)
            .build();
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(
            Topics.ACCOUNTS_EVENTS,
            userId.getBytes(StandardCharsets.UTF_8),
            feed.wireBytes(registered));
    record
        .headers()
        .add(
            "traceparent",
            ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));
    MeterRegistry registry = consumers.getBean(MeterRegistry.class);

    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    AppenderBase<ILoggingEvent> capture =
        new AppenderBase<>() {
          @Override
          protected void append(ILoggingEvent event) {
            lines.add(event);
          }
        };
    capture.setContext(root.getLoggerContext());
    capture.start();
    root.addAppender(capture);
    try {
      feed.send(record);

      ILoggingEvent mailSent =
          await()
              .atMost(DEADLINE)
              .until(
                  () ->
                      lines.stream()
                          .filter(
                              line ->
                                  line.getFormattedMessage()
                                      .contains("mail sent for event " + registered.getEventId()))
                          .findFirst()
                          .orElse(null),
                  line -> line != null);
      assertThat(mailSent.getMDCPropertyMap())
          .containsEntry("traceId", traceId)
          .containsEntry("eventId", registered.getEventId())
          .containsEntry("eventType", "UserRegistered")
          .containsEntry("consumerGroup", "email");
    } finally {
      root.detachAppender(capture);
      capture.stop();
    }

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              assertThat(
                      registry
                          .get(ConsumerMetrics.PROCESSED)
                          .tags(
                              "group",
                              "email",
                              "topic",
                              Topics.ACCOUNTS_EVENTS,
                              "eventType",
                              "UserRegistered")
                          .counter()
                          .count())
                  .isGreaterThanOrEqualTo(1);
              assertThat(
                      registry.get(ConsumerMetrics.LATENCY).tag("group", "email").timer().count())
                  .isGreaterThanOrEqualTo(1);
            });
  }
}
