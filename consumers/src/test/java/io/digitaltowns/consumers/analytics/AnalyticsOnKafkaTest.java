package io.digitaltowns.consumers.analytics;

import static io.digitaltowns.consumers.analytics.AnalyticsEvents.activated;
import static io.digitaltowns.consumers.analytics.AnalyticsEvents.approved;
import static io.digitaltowns.consumers.analytics.AnalyticsEvents.deleted;
import static io.digitaltowns.consumers.analytics.AnalyticsEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.digitaltowns.consumers.EventFeed;
import io.digitaltowns.consumers.RunningConsumers;
import io.digitaltowns.events.AnalyticsCatalog;
import io.digitaltowns.events.accounts.SignupMethod;
import io.digitaltowns.events.accounts.UserRegistered;
import io.digitaltowns.events.analytics.SignupsDaily;
import io.digitaltowns.events.analytics.SignupsDailyKey;
import io.digitaltowns.events.catalog.Topics;
import io.digitaltowns.events.wire.AvroEventDeserializer;
import io.digitaltowns.events.wire.SchemaRegistryClient;
import io.digitaltowns.infra.LocalStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The analytics group as deployed: the consumers application with analytics on, against the local
 * stack's real Kafka broker (exactly-once, compacted output topics), schema registry and
 * PostgreSQL. Every test counts on its own day or town, so events other tests of this JVM published
 * do not change what is asserted.
 */
class AnalyticsOnKafkaTest {

  private static final Duration DEADLINE = Duration.ofSeconds(90);

  @TempDir static Path stateDir;

  private static LocalStack stack;
  private static ConfigurableApplicationContext consumers;
  private static EventFeed feed;
  private static AvroEventDeserializer deserializer;
  private static JdbcClient jdbc;

  @BeforeAll
  static void start() {
    stack = LocalStack.shared();
    SchemaRegistryClient registry = new SchemaRegistryClient(stack.schemaRegistryUrl());
    deserializer = new AvroEventDeserializer(registry);
    consumers =
        RunningConsumers.start(
            stack,
            Map.of(
                "digitaltowns.consumers.email.enabled", "false",
                "digitaltowns.consumers.analytics.enabled", "true",
                "digitaltowns.consumers.analytics.state-dir", stateDir.toString(),
                // commit (and so emit) often: the test waits for figures, not for throughput
                "spring.kafka.streams.properties[commit.interval.ms]", "200"));
    jdbc = consumers.getBean(JdbcClient.class);
    feed = new EventFeed(stack);
  }

  @AfterAll
  static void stop() {
    if (feed != null) {
      feed.close();
    }
    if (consumers != null) {
      consumers.close();
    }
  }

  @Test
  void
      registrations_reach_the_compacted_topic_and_the_table_once_however_often_they_are_delivered() {
    Instant day = uniqueDay();
    String dayUtc = day.toString().substring(0, 10);
    String userId = UUID.randomUUID().toString();
    UserRegistered first = registered(userId, SignupMethod.PASSWORD, day.plusSeconds(60));

    publish(Topics.ACCOUNTS_EVENTS, first);
    publish(Topics.ACCOUNTS_EVENTS, first); // redelivered
    // same key, same partition, later offset: once it is counted, both copies before it were
    // handled
    publish(Topics.ACCOUNTS_EVENTS, registered(userId, SignupMethod.GOOGLE, day.plusSeconds(120)));

    SignupsDailyKey key = new SignupsDailyKey("all", dayUtc);
    SignupsDaily figures =
        await()
            .atMost(DEADLINE)
            .until(
                () ->
                    latestOnTopic(AnalyticsCatalog.SIGNUPS_DAILY.name(), key)
                        .map(SignupsDaily.class::cast)
                        .orElse(null),
                value -> value != null && value.getViaGoogle() == 1);
    assertThat(figures).isEqualTo(new SignupsDaily("all", dayUtc, 2L, 0L, 1L, 0L, 1L));
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                tableFigure(
                    AnalyticsCatalog.SIGNUPS_DAILY.name(), "dayUtc", dayUtc, "registrations"),
            Optional.of(2L)::equals);
  }

  @Test
  void an_approved_then_deleted_listing_is_counted_then_taken_back() {
    String townId = "town-" + UUID.randomUUID();
    String businessId = UUID.randomUUID().toString();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    publish(Topics.BUSINESSES_EVENTS, approved(businessId, townId, "bakery", now));
    await()
        .atMost(DEADLINE)
        .until(() -> listingFigure(townId, "published"), Optional.of(1L)::equals);

    publish(Topics.BUSINESSES_EVENTS, deleted(businessId, townId, now.plusSeconds(1)));
    await()
        .atMost(DEADLINE)
        .until(() -> listingFigure(townId, "published"), Optional.of(0L)::equals);
  }

  @Test
  void a_paid_activation_counts_as_a_new_subscription_and_revenue_of_its_day() {
    Instant day = uniqueDay();
    String dayUtc = day.toString().substring(0, 10);
    String businessId = UUID.randomUUID().toString();

    publish(
        Topics.BILLING_EVENTS,
        activated(businessId, "sub_" + UUID.randomUUID(), 1900L, day.plusSeconds(3600)));

    await()
        .atMost(DEADLINE)
        .until(
            () ->
                tableFigure(
                    AnalyticsCatalog.SUBSCRIPTIONS_DAILY.name(),
                    "dayUtc",
                    dayUtc,
                    "newSubscriptions"),
            Optional.of(1L)::equals);
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                tableFigure(AnalyticsCatalog.REVENUE_DAILY.name(), "dayUtc", dayUtc, "grossAmount"),
            Optional.of(1900L)::equals);
  }

  @Test
  void a_record_that_can_never_be_decoded_is_dead_lettered_and_counting_goes_on() {
    Instant day = uniqueDay();
    String dayUtc = day.toString().substring(0, 10);
    String userId = UUID.randomUUID().toString();
    byte[] key = userId.getBytes(StandardCharsets.UTF_8);
    send(
        new ProducerRecord<>(
            Topics.ACCOUNTS_EVENTS, key, "not avro".getBytes(StandardCharsets.UTF_8)));
    publish(Topics.ACCOUNTS_EVENTS, registered(userId, SignupMethod.FACEBOOK, day));

    await()
        .atMost(DEADLINE)
        .until(
            () ->
                tableFigure(AnalyticsCatalog.SIGNUPS_DAILY.name(), "dayUtc", dayUtc, "viaFacebook"),
            Optional.of(1L)::equals);
    ConsumerRecord<byte[], byte[]> deadLetter =
        await()
            .atMost(DEADLINE)
            .until(
                () ->
                    recordsOf(Topics.ACCOUNTS_EVENTS + ".analytics.dlt").stream()
                        .filter(record -> java.util.Arrays.equals(record.key(), key))
                        .findFirst(),
                Optional::isPresent)
            .orElseThrow();
    assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
    assertThat(
            new String(
                deadLetter.headers().lastHeader("kafka_dlt-original-topic").value(),
                StandardCharsets.UTF_8))
        .isEqualTo(Topics.ACCOUNTS_EVENTS);
    assertThat(
            new String(
                deadLetter.headers().lastHeader("kafka_dlt-exception-message").value(),
                StandardCharsets.UTF_8))
        .contains("not in Confluent wire format");
  }

  /** A day long past and unlikely to be picked twice in one run, so nothing else counts on it. */
  private static Instant uniqueDay() {
    return Instant.parse("2001-01-01T00:00:00Z")
        .plus(ThreadLocalRandom.current().nextInt(0, 5000), ChronoUnit.DAYS);
  }

  private static void publish(String topic, SpecificRecord event) {
    assertThat(Topics.of(event.getClass()).name())
        .as("the catalog's topic of %s", event.getSchema().getName())
        .isEqualTo(topic);
    feed.send(event);
  }

  private static void send(ProducerRecord<byte[], byte[]> record) {
    feed.send(record);
  }

  private static Optional<Long> tableFigure(
      String topic, String keyField, String keyValue, String figure) {
    return jdbc.sql(
            "SELECT (figures ->> :figure)::bigint FROM consumers.analytics_figures "
                + "WHERE topic = :topic AND figures ->> :keyField = :keyValue")
        .param("figure", figure)
        .param("topic", topic)
        .param("keyField", keyField)
        .param("keyValue", keyValue)
        .query(Long.class)
        .optional();
  }

  private static Optional<Long> listingFigure(String townId, String figure) {
    return tableFigure(AnalyticsCatalog.LISTINGS.name(), "townId", townId, figure);
  }

  /** The latest committed record of the key, as a reader of the compacted topic sees it. */
  private static Optional<Object> latestOnTopic(String topic, Object key) {
    Object latest = null;
    for (ConsumerRecord<byte[], byte[]> record : recordsOf(topic)) {
      if (key.equals(deserializer.deserialize(record.key()))) {
        latest = record.value() == null ? null : deserializer.deserialize(record.value());
      }
    }
    return Optional.ofNullable(latest);
  }

  /** Every committed record of the topic, from the beginning. */
  private static List<ConsumerRecord<byte[], byte[]>> recordsOf(String topic) {
    return feed.recordsIn(topic);
  }
}
