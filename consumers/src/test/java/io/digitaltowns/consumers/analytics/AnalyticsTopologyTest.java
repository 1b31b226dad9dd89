package io.digitaltowns.consumers.analytics;

import static io.digitaltowns.consumers.analytics.AnalyticsEvents.activated;
import static io.digitaltowns.consumers.analytics.AnalyticsEvents.approved;
import static io.digitaltowns.consumers.analytics.AnalyticsEvents.canceled;
import static io.digitaltowns.consumers.analytics.AnalyticsEvents.contacted;
import static io.digitaltowns.consumers.analytics.AnalyticsEvents.created;
import static io.digitaltowns.consumers.analytics.AnalyticsEvents.deleted;
import static io.digitaltowns.consumers.analytics.AnalyticsEvents.ended;
import static io.digitaltowns.consumers.analytics.AnalyticsEvents.paymentFailed;
import static io.digitaltowns.consumers.analytics.AnalyticsEvents.photoAdded;
import static io.digitaltowns.consumers.analytics.AnalyticsEvents.registered;
import static io.digitaltowns.consumers.analytics.AnalyticsEvents.renewed;
import static io.digitaltowns.consumers.analytics.AnalyticsEvents.submitted;
import static io.digitaltowns.consumers.analytics.AnalyticsEvents.unpublished;
import static io.digitaltowns.consumers.analytics.AnalyticsEvents.updated;
import static io.digitaltowns.consumers.analytics.AnalyticsEvents.verified;
import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.events.AnalyticsCatalog;
import io.digitaltowns.events.accounts.SignupMethod;
import io.digitaltowns.events.analytics.EngagementDaily;
import io.digitaltowns.events.analytics.EngagementDailyKey;
import io.digitaltowns.events.analytics.Listings;
import io.digitaltowns.events.analytics.ListingsKey;
import io.digitaltowns.events.analytics.RevenueDaily;
import io.digitaltowns.events.analytics.RevenueDailyKey;
import io.digitaltowns.events.analytics.SignupsDaily;
import io.digitaltowns.events.analytics.SignupsDailyKey;
import io.digitaltowns.events.analytics.SubscriptionsDaily;
import io.digitaltowns.events.analytics.SubscriptionsDailyKey;
import io.digitaltowns.events.wire.SchemaRegistryClient;
import io.digitaltowns.infra.LocalStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analytics topology on Kafka Streams' test driver, with the real schema registry of the local
 * stack: replays, late events, deletions and moves. An output topic is read as compaction leaves
 * it: the latest record per key.
 */
class AnalyticsTopologyTest {

  private static final Instant MONDAY = Instant.parse("2026-11-02T10:00:00Z");
  private static final Instant MONDAY_LAST_MINUTE = Instant.parse("2026-11-02T23:59:30Z");
  private static final Instant TUESDAY_FIRST_MINUTE = Instant.parse("2026-11-03T00:00:30Z");
  private static final Instant WEDNESDAY = Instant.parse("2026-11-04T10:00:00Z");
  private static final Instant THURSDAY = Instant.parse("2026-11-05T10:00:00Z");
  private static final Instant FRIDAY = Instant.parse("2026-11-06T10:00:00Z");

  private static WireFormatSerde avro;

  @TempDir Path stateDir;

  private TopologyTestDriver driver;
  private TestInputTopic<byte[], GenericContainer> accounts;
  private TestInputTopic<byte[], GenericContainer> businesses;
  private TestInputTopic<byte[], GenericContainer> billing;

  @BeforeAll
  static void registry() {
    avro = new WireFormatSerde(new SchemaRegistryClient(LocalStack.shared().schemaRegistryUrl()));
  }

  @BeforeEach
  void startDriver() {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "analytics");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    driver = new TopologyTestDriver(AnalyticsTopology.build(avro), config);
    accounts = input(AnalyticsTopology.ACCOUNTS_TOPIC);
    businesses = input(AnalyticsTopology.BUSINESSES_TOPIC);
    billing = input(AnalyticsTopology.BILLING_TOPIC);
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void registrations_count_on_their_utc_day_by_sign_up_method() {
    publish(accounts, registered("u1", SignupMethod.PASSWORD, MONDAY));
    publish(accounts, registered("u2", SignupMethod.GOOGLE, MONDAY_LAST_MINUTE));
    publish(accounts, registered("u3", SignupMethod.FACEBOOK, TUESDAY_FIRST_MINUTE));
    publish(accounts, verified("u1", TUESDAY_FIRST_MINUTE));

    Map<SignupsDailyKey, SignupsDaily> signups = latest(AnalyticsCatalog.SIGNUPS_DAILY);

    assertThat(signups)
        .containsEntry(
            new SignupsDailyKey("all", "2026-11-02"),
            new SignupsDaily("all", "2026-11-02", 2L, 0L, 1L, 0L, 1L));
    assertThat(signups)
        .containsEntry(
            new SignupsDailyKey("all", "2026-11-03"),
            new SignupsDaily("all", "2026-11-03", 1L, 1L, 0L, 1L, 0L));
  }

  @Test
  void replaying_the_same_events_changes_no_count() {
    var registration = registered("u1", SignupMethod.PASSWORD, MONDAY);
    var contact = contacted("b1", MONDAY);
    var renewal = renewed("b1", "sub_1", 1900L, MONDAY);
    for (int replay = 0; replay < 3; replay++) {
      publish(accounts, registration);
      publish(businesses, contact);
      publish(billing, renewal);
    }

    assertThat(
            this.<SignupsDailyKey, SignupsDaily>latest(AnalyticsCatalog.SIGNUPS_DAILY)
                .get(new SignupsDailyKey("all", "2026-11-02"))
                .getRegistrations())
        .isEqualTo(1);
    assertThat(
            this.<EngagementDailyKey, EngagementDaily>latest(AnalyticsCatalog.ENGAGEMENT_DAILY)
                .get(new EngagementDailyKey("b1", "2026-11-02"))
                .getContactMessages())
        .isEqualTo(1);
    RevenueDaily revenue =
        (RevenueDaily)
            latest(AnalyticsCatalog.REVENUE_DAILY).get(new RevenueDailyKey("2026-11-02", "eur"));
    assertThat(revenue.getGrossAmount()).isEqualTo(1900);
    assertThat(revenue.getPaidInvoices()).isEqualTo(1);
    SubscriptionsDaily subscriptions =
        (SubscriptionsDaily)
            latest(AnalyticsCatalog.SUBSCRIPTIONS_DAILY)
                .get(new SubscriptionsDailyKey("2026-11-02"));
    assertThat(subscriptions.getRenewed()).isEqualTo(1);
  }

  @Test
  void a_late_event_counts_on_its_own_day_and_leaves_later_days_alone() {
    publish(accounts, registered("u2", SignupMethod.PASSWORD, WEDNESDAY));
    publish(accounts, registered("u1", SignupMethod.GOOGLE, MONDAY)); // arrives two days late

    Map<SignupsDailyKey, SignupsDaily> signups = latest(AnalyticsCatalog.SIGNUPS_DAILY);

    assertThat(signups.get(new SignupsDailyKey("all", "2026-11-02")).getViaGoogle()).isEqualTo(1);
    assertThat(signups.get(new SignupsDailyKey("all", "2026-11-04")).getRegistrations())
        .isEqualTo(1);
  }

  @Test
  void contact_messages_and_photo_uploads_count_per_business_and_day() {
    publish(businesses, contacted("b1", MONDAY));
    publish(businesses, contacted("b1", MONDAY_LAST_MINUTE));
    publish(businesses, photoAdded("b1", TUESDAY_FIRST_MINUTE));
    publish(businesses, photoAdded("b2", MONDAY));

    Map<EngagementDailyKey, EngagementDaily> engagement = latest(AnalyticsCatalog.ENGAGEMENT_DAILY);

    assertThat(engagement)
        .containsEntry(
            new EngagementDailyKey("b1", "2026-11-02"),
            new EngagementDaily("b1", "2026-11-02", 2L, 0L));
    assertThat(engagement)
        .containsEntry(
            new EngagementDailyKey("b1", "2026-11-03"),
            new EngagementDaily("b1", "2026-11-03", 0L, 1L));
    assertThat(engagement)
        .containsEntry(
            new EngagementDailyKey("b2", "2026-11-02"),
            new EngagementDaily("b2", "2026-11-02", 0L, 1L));
  }

  @Test
  void listings_follow_review_publication_and_deletion() {
    publish(businesses, created("b1", "town-a", "bakery", MONDAY));
    publish(businesses, submitted("b1", "town-a", "bakery", MONDAY.plusSeconds(60)));
    publish(businesses, created("b2", "town-a", "bakery", MONDAY));
    publish(businesses, submitted("b2", "town-a", "bakery", MONDAY.plusSeconds(60)));
    assertThat(listing("town-a", "bakery")).isEqualTo(new Listings("town-a", "bakery", 0L, 2L, 0L));

    publish(businesses, approved("b1", "town-a", "bakery", TUESDAY_FIRST_MINUTE));
    publish(businesses, approved("b2", "town-a", "bakery", TUESDAY_FIRST_MINUTE));
    assertThat(listing("town-a", "bakery")).isEqualTo(new Listings("town-a", "bakery", 2L, 0L, 0L));

    publish(businesses, deleted("b1", "town-a", WEDNESDAY));
    publish(businesses, unpublished("b2", "town-a", "bakery", WEDNESDAY));
    assertThat(listing("town-a", "bakery")).isEqualTo(new Listings("town-a", "bakery", 0L, 0L, 0L));
  }

  @Test
  void a_change_of_category_moves_the_listing_and_a_stale_event_changes_nothing() {
    publish(businesses, approved("b1", "town-a", "bakery", MONDAY));
    publish(businesses, updated("b1", "town-a", "cafe", "IN_REVIEW", TUESDAY_FIRST_MINUTE));
    // older than what is known: a late or replayed approval must not publish it again
    publish(businesses, approved("b1", "town-a", "bakery", MONDAY.plusSeconds(1)));

    assertThat(listing("town-a", "bakery")).isEqualTo(new Listings("town-a", "bakery", 0L, 0L, 0L));
    assertThat(listing("town-a", "cafe")).isEqualTo(new Listings("town-a", "cafe", 0L, 1L, 0L));
  }

  @Test
  void a_deleted_listing_never_comes_back() {
    publish(businesses, approved("b1", "town-a", "bakery", MONDAY));
    publish(businesses, deleted("b1", "town-a", TUESDAY_FIRST_MINUTE));
    publish(businesses, updated("b1", "town-a", "bakery", "PUBLISHED", WEDNESDAY));

    assertThat(listing("town-a", "bakery").getPublished()).isZero();
  }

  @Test
  void a_published_listing_is_featured_while_its_subscription_runs() {
    publish(businesses, approved("b1", "town-a", "bakery", MONDAY));
    publish(billing, activated("b1", "sub_1", 1900L, MONDAY.plusSeconds(60)));
    assertThat(listing("town-a", "bakery")).isEqualTo(new Listings("town-a", "bakery", 1L, 0L, 1L));

    publish(billing, canceled("b1", "sub_1", TUESDAY_FIRST_MINUTE));
    assertThat(listing("town-a", "bakery").getFeatured()).isEqualTo(1);

    publish(billing, ended("b1", "sub_1", WEDNESDAY));
    assertThat(listing("town-a", "bakery")).isEqualTo(new Listings("town-a", "bakery", 1L, 0L, 0L));
  }

  @Test
  void subscriptions_count_new_renewed_failed_canceled_and_active_at_the_end_of_each_day() {
    publish(billing, activated("b1", "sub_1", 1900L, MONDAY));
    publish(billing, activated("b2", "sub_2", 2900L, MONDAY_LAST_MINUTE));
    publish(billing, paymentFailed("b2", "sub_2", TUESDAY_FIRST_MINUTE));
    publish(billing, canceled("b2", "sub_2", WEDNESDAY));
    publish(billing, ended("b2", "sub_2", THURSDAY));
    publish(billing, renewed("b1", "sub_1", 2500L, FRIDAY));

    Map<Object, SpecificRecord> days = latest(AnalyticsCatalog.SUBSCRIPTIONS_DAILY);
    assertThat(days.get(new SubscriptionsDailyKey("2026-11-02")))
        .isEqualTo(new SubscriptionsDaily("2026-11-02", 2L, 0L, 0L, 0L, 2L));
    assertThat(days.get(new SubscriptionsDailyKey("2026-11-03")))
        .isEqualTo(new SubscriptionsDaily("2026-11-03", 0L, 0L, 1L, 0L, 2L));
    assertThat(days.get(new SubscriptionsDailyKey("2026-11-04")))
        .isEqualTo(new SubscriptionsDaily("2026-11-04", 0L, 0L, 0L, 1L, 2L));
    assertThat(days.get(new SubscriptionsDailyKey("2026-11-05")))
        .isEqualTo(new SubscriptionsDaily("2026-11-05", 0L, 0L, 0L, 0L, 1L));
    assertThat(days.get(new SubscriptionsDailyKey("2026-11-06")))
        .isEqualTo(new SubscriptionsDaily("2026-11-06", 0L, 1L, 0L, 0L, 1L));

    Map<Object, SpecificRecord> revenue = latest(AnalyticsCatalog.REVENUE_DAILY);
    assertThat(revenue.get(new RevenueDailyKey("2026-11-02", "eur")))
        .isEqualTo(new RevenueDaily("2026-11-02", "eur", 4800L, 2L, 4800L));
    assertThat(revenue.get(new RevenueDailyKey("2026-11-05", "eur")))
        .isEqualTo(new RevenueDaily("2026-11-05", "eur", 0L, 0L, 1900L));
    assertThat(revenue.get(new RevenueDailyKey("2026-11-06", "eur")))
        .isEqualTo(new RevenueDaily("2026-11-06", "eur", 2500L, 1L, 2500L));
  }

  @Test
  void a_late_activation_raises_the_active_count_of_every_later_day() {
    publish(billing, activated("b2", "sub_2", 2900L, WEDNESDAY));
    publish(billing, paymentFailed("b2", "sub_2", FRIDAY));
    publish(billing, activated("b1", "sub_1", 1900L, MONDAY)); // delivered late

    Map<Object, SpecificRecord> days = latest(AnalyticsCatalog.SUBSCRIPTIONS_DAILY);
    assertThat(
            ((SubscriptionsDaily) days.get(new SubscriptionsDailyKey("2026-11-02")))
                .getActiveAtEndOfDay())
        .isEqualTo(1);
    assertThat(
            ((SubscriptionsDaily) days.get(new SubscriptionsDailyKey("2026-11-04")))
                .getActiveAtEndOfDay())
        .isEqualTo(2);
    assertThat(
            ((SubscriptionsDaily) days.get(new SubscriptionsDailyKey("2026-11-06")))
                .getActiveAtEndOfDay())
        .isEqualTo(2);
    RevenueDaily friday =
        (RevenueDaily)
            latest(AnalyticsCatalog.REVENUE_DAILY).get(new RevenueDailyKey("2026-11-06", "eur"));
    assertThat(friday.getMonthlyRecurringRevenue()).isEqualTo(4800);
    assertThat(friday.getGrossAmount()).isZero();
  }

  @Test
  void an_end_delivered_before_its_activation_still_ends_the_subscription() {
    publish(billing, ended("b1", "sub_1", WEDNESDAY));
    publish(billing, activated("b1", "sub_1", 1900L, MONDAY));

    Map<Object, SpecificRecord> days = latest(AnalyticsCatalog.SUBSCRIPTIONS_DAILY);
    assertThat(
            ((SubscriptionsDaily) days.get(new SubscriptionsDailyKey("2026-11-02")))
                .getActiveAtEndOfDay())
        .isEqualTo(1);
    assertThat(
            ((SubscriptionsDaily) days.get(new SubscriptionsDailyKey("2026-11-04")))
                .getActiveAtEndOfDay())
        .isZero();
  }

  private TestInputTopic<byte[], GenericContainer> input(String topic) {
    return driver.createInputTopic(topic, new ByteArraySerializer(), avro.serializer());
  }

  private static void publish(
      TestInputTopic<byte[], GenericContainer> topic, SpecificRecord event) {
    String key = String.valueOf(((GenericRecord) event).get("aggregateId"));
    topic.pipeInput(key.getBytes(StandardCharsets.UTF_8), event);
  }

  private Listings listing(String townId, String category) {
    Map<ListingsKey, Listings> listings = latest(AnalyticsCatalog.LISTINGS);
    return listings.get(new ListingsKey(townId, category));
  }

  @SuppressWarnings("unchecked")
  private <K, V> Map<K, V> latest(AnalyticsCatalog.AnalyticsTopic topic) {
    TestOutputTopic<GenericContainer, GenericContainer> output =
        driver.createOutputTopic(topic.name(), avro.deserializer(), avro.deserializer());
    // a compacted topic keeps the latest record per key; earlier reads of this test drained what
    // came before
    accumulated
        .computeIfAbsent(topic.name(), name -> new java.util.HashMap<>())
        .putAll(output.readKeyValuesToMap());
    return (Map<K, V>) accumulated.get(topic.name());
  }

  private final Map<String, Map<GenericContainer, GenericContainer>> accumulated =
      new java.util.HashMap<>();
}
