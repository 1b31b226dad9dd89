package io.digitaltowns.events.catalog;

import io.digitaltowns.events.accounts.EmailVerificationRequested;
import io.digitaltowns.events.accounts.EmailVerified;
import io.digitaltowns.events.accounts.PasswordChanged;
import io.digitaltowns.events.accounts.PasswordResetRequested;
import io.digitaltowns.events.accounts.UserDeleted;
import io.digitaltowns.events.accounts.UserRegistered;
import io.digitaltowns.events.accounts.UserReinstated;
import io.digitaltowns.events.accounts.UserRoleChanged;
import io.digitaltowns.events.accounts.UserSignedIn;
import io.digitaltowns.events.accounts.UserSuspended;
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
import io.digitaltowns.events.billing.PaymentFailed;
import io.digitaltowns.events.billing.SubscriptionActivated;
import io.digitaltowns.events.billing.SubscriptionCanceled;
import io.digitaltowns.events.billing.SubscriptionEnded;
import io.digitaltowns.events.billing.SubscriptionRenewed;
import io.digitaltowns.events.businesses.BusinessApproved;
import io.digitaltowns.events.businesses.BusinessContacted;
import io.digitaltowns.events.businesses.BusinessCreated;
import io.digitaltowns.events.businesses.BusinessDeleted;
import io.digitaltowns.events.businesses.BusinessPhotoAdded;
import io.digitaltowns.events.businesses.BusinessPhotoRemoved;
import io.digitaltowns.events.businesses.BusinessRejected;
import io.digitaltowns.events.businesses.BusinessSubmitted;
import io.digitaltowns.events.businesses.BusinessUnpublished;
import io.digitaltowns.events.businesses.BusinessUpdated;
import io.digitaltowns.events.crm.CrmNoteAdded;
import io.digitaltowns.events.stripe.StripeEventReceived;
import io.digitaltowns.events.towns.TownCreated;
import io.digitaltowns.events.towns.TownUpdated;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;

/**
 * The project's Kafka topics, the one place that names them: typed topics ({@link Topic}) with the
 * events each carries, their dead letters per {@link ConsumerGroup}, and how many partitions they
 * have and how long they keep data. The {@code String} constants are the same names as compile-time
 * constants, for annotation attributes.
 */
public final class Topics {

  public static final String ACCOUNTS_EVENTS = "dt.accounts.events";

  /** Dead letters of the email consumer group for account events ({@code <topic>.<group>.dlt}). */
  public static final String ACCOUNTS_EVENTS_EMAIL_DLT = ACCOUNTS_EVENTS + ".email.dlt";

  public static final String TOWNS_EVENTS = "dt.towns.events";
  public static final String BUSINESSES_EVENTS = "dt.businesses.events";
  public static final String BUSINESSES_EVENTS_EMAIL_DLT = BUSINESSES_EVENTS + ".email.dlt";

  /**
   * Every verified Stripe webhook event, raw; key = subscription id, else customer id, else Stripe
   * event id.
   */
  public static final String STRIPE_EVENTS = "dt.stripe.events";

  /**
   * Subscription state changes of businesses (activated, renewed, payment failed, canceled, ended);
   * key = business id.
   */
  public static final String BILLING_EVENTS = "dt.billing.events";

  public static final String BILLING_EVENTS_EMAIL_DLT = BILLING_EVENTS + ".email.dlt";
  public static final String ACCOUNTS_EVENTS_CRM_SYNC_DLT = ACCOUNTS_EVENTS + ".crm-sync.dlt";
  public static final String BUSINESSES_EVENTS_CRM_SYNC_DLT = BUSINESSES_EVENTS + ".crm-sync.dlt";

  /** Notes admins write in the CRM; key = business id. */
  public static final String CRM_EVENTS = "dt.crm.events";

  /** Dead letters of the crm group (the CRM read model), one per topic it reads. */
  public static final String ACCOUNTS_EVENTS_CRM_DLT = ACCOUNTS_EVENTS + ".crm.dlt";

  public static final String BUSINESSES_EVENTS_CRM_DLT = BUSINESSES_EVENTS + ".crm.dlt";
  public static final String BILLING_EVENTS_CRM_DLT = BILLING_EVENTS + ".crm.dlt";
  public static final String CRM_EVENTS_CRM_DLT = CRM_EVENTS + ".crm.dlt";

  /** Dead letters of the analytics topology: records it can never decode (docs/analytics.md). */
  public static final String ACCOUNTS_EVENTS_ANALYTICS_DLT = ACCOUNTS_EVENTS + ".analytics.dlt";

  public static final String BUSINESSES_EVENTS_ANALYTICS_DLT = BUSINESSES_EVENTS + ".analytics.dlt";
  public static final String BILLING_EVENTS_ANALYTICS_DLT = BILLING_EVENTS + ".analytics.dlt";

  /**
   * Dead letters of the clean-up groups: deleted businesses whose subscriptions or photos could not
   * be removed.
   */
  public static final String BUSINESSES_EVENTS_STRIPE_CLEANUP_DLT =
      BUSINESSES_EVENTS + ".stripe-cleanup.dlt";

  public static final String BUSINESSES_EVENTS_PHOTO_CLEANUP_DLT =
      BUSINESSES_EVENTS + ".photo-cleanup.dlt";

  /** Aggregated figures for analysts, compacted: the latest record per key (docs/analytics.md). */
  public static final String ANALYTICS_SIGNUPS_DAILY = "dt.analytics.signups-daily";

  public static final String ANALYTICS_LISTINGS = "dt.analytics.listings";
  public static final String ANALYTICS_SUBSCRIPTIONS_DAILY = "dt.analytics.subscriptions-daily";
  public static final String ANALYTICS_REVENUE_DAILY = "dt.analytics.revenue-daily";
  public static final String ANALYTICS_ENGAGEMENT_DAILY = "dt.analytics.engagement-daily";

  /**
   * Domain events, in the order their schemas are registered ({@link
   * io.digitaltowns.events.EventCatalog}).
   */
  public static final Topic<String, SpecificRecord> ACCOUNTS =
      Topic.events(
          ACCOUNTS_EVENTS,
          "accounts",
          UserRegistered.class,
          EmailVerificationRequested.class,
          EmailVerified.class,
          PasswordResetRequested.class,
          PasswordChanged.class,
          UserSignedIn.class,
          UserRoleChanged.class,
          UserSuspended.class,
          UserReinstated.class,
          UserDeleted.class);

  public static final Topic<String, SpecificRecord> TOWNS =
      Topic.events(TOWNS_EVENTS, "towns", TownCreated.class, TownUpdated.class);
  public static final Topic<String, SpecificRecord> BUSINESSES =
      Topic.events(
          BUSINESSES_EVENTS,
          "businesses",
          BusinessCreated.class,
          BusinessUpdated.class,
          BusinessSubmitted.class,
          BusinessApproved.class,
          BusinessRejected.class,
          BusinessUnpublished.class,
          BusinessDeleted.class,
          BusinessPhotoAdded.class,
          BusinessPhotoRemoved.class,
          BusinessContacted.class);
  public static final Topic<String, SpecificRecord> STRIPE =
      Topic.events(STRIPE_EVENTS, "stripe", StripeEventReceived.class);
  public static final Topic<String, SpecificRecord> BILLING =
      Topic.events(
          BILLING_EVENTS,
          "billing",
          SubscriptionActivated.class,
          SubscriptionRenewed.class,
          PaymentFailed.class,
          SubscriptionCanceled.class,
          SubscriptionEnded.class);
  public static final Topic<String, SpecificRecord> CRM =
      Topic.events(CRM_EVENTS, "crm", CrmNoteAdded.class);

  /** The aggregated figures (docs/analytics.md), written by the analytics topology. */
  public static final Topic<SignupsDailyKey, SignupsDaily> ANALYTICS_SIGNUPS =
      Topic.of(ANALYTICS_SIGNUPS_DAILY, SignupsDailyKey.class, SignupsDaily.class);

  public static final Topic<ListingsKey, Listings> ANALYTICS_LISTINGS_TOPIC =
      Topic.of(ANALYTICS_LISTINGS, ListingsKey.class, Listings.class);
  public static final Topic<SubscriptionsDailyKey, SubscriptionsDaily> ANALYTICS_SUBSCRIPTIONS =
      Topic.of(
          ANALYTICS_SUBSCRIPTIONS_DAILY, SubscriptionsDailyKey.class, SubscriptionsDaily.class);
  public static final Topic<RevenueDailyKey, RevenueDaily> ANALYTICS_REVENUE =
      Topic.of(ANALYTICS_REVENUE_DAILY, RevenueDailyKey.class, RevenueDaily.class);
  public static final Topic<EngagementDailyKey, EngagementDaily> ANALYTICS_ENGAGEMENT =
      Topic.of(ANALYTICS_ENGAGEMENT_DAILY, EngagementDailyKey.class, EngagementDaily.class);

  private static final List<Topic<String, SpecificRecord>> EVENT_TOPICS =
      List.of(ACCOUNTS, TOWNS, BUSINESSES, STRIPE, BILLING, CRM);

  private Topics() {}

  /** The topics as a single broker holds them: one replica each. */
  public static List<TopicDefinition> all() {
    return all(TopicReplication.SINGLE_BROKER);
  }

  /**
   * The topics with the replication the cluster is configured for (KAFKA_REPLICATION_FACTOR,
   * KAFKA_MIN_INSYNC_REPLICAS).
   */
  public static List<TopicDefinition> all(TopicReplication replication) {
    return List.of(
        events(ACCOUNTS_EVENTS, replication),
        events(TOWNS_EVENTS, replication),
        events(BUSINESSES_EVENTS, replication),
        deadLetters(ACCOUNTS_EVENTS_EMAIL_DLT, replication),
        deadLetters(BUSINESSES_EVENTS_EMAIL_DLT, replication),
        deadLetters(BILLING_EVENTS_EMAIL_DLT, replication),
        deadLetters(ACCOUNTS_EVENTS_CRM_SYNC_DLT, replication),
        deadLetters(BUSINESSES_EVENTS_CRM_SYNC_DLT, replication),
        events(STRIPE_EVENTS, replication),
        events(BILLING_EVENTS, replication),
        events(CRM_EVENTS, replication),
        deadLetters(ACCOUNTS_EVENTS_CRM_DLT, replication),
        deadLetters(BUSINESSES_EVENTS_CRM_DLT, replication),
        deadLetters(BILLING_EVENTS_CRM_DLT, replication),
        deadLetters(CRM_EVENTS_CRM_DLT, replication),
        deadLetters(ACCOUNTS_EVENTS_ANALYTICS_DLT, replication),
        deadLetters(BUSINESSES_EVENTS_ANALYTICS_DLT, replication),
        deadLetters(BILLING_EVENTS_ANALYTICS_DLT, replication),
        deadLetters(BUSINESSES_EVENTS_STRIPE_CLEANUP_DLT, replication),
        deadLetters(BUSINESSES_EVENTS_PHOTO_CLEANUP_DLT, replication),
        compacted(ANALYTICS_SIGNUPS_DAILY, replication),
        compacted(ANALYTICS_LISTINGS, replication),
        compacted(ANALYTICS_SUBSCRIPTIONS_DAILY, replication),
        compacted(ANALYTICS_REVENUE_DAILY, replication),
        compacted(ANALYTICS_ENGAGEMENT_DAILY, replication));
  }

  /** The topics the relay writes, one per aggregate type. */
  public static List<Topic<String, SpecificRecord>> eventTopics() {
    return EVENT_TOPICS;
  }

  /** Where events of this class are published. */
  public static Topic<String, SpecificRecord> of(Class<? extends SpecificRecord> eventType) {
    return EVENT_TOPICS.stream()
        .filter(topic -> topic.carries(eventType))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    eventType.getName() + " is not an event of the catalog"));
  }

  /** The topic of an outbox row's {@code aggregate_type}, if the catalog has one. */
  public static Optional<Topic<String, SpecificRecord>> forAggregateType(String aggregateType) {
    return EVENT_TOPICS.stream()
        .filter(topic -> topic.aggregateType().equals(aggregateType))
        .findFirst();
  }

  /** A topic of the catalog by name: events, figures or dead letters. */
  public static Optional<Topic<?, ?>> named(String name) {
    return Stream.concat(
            Stream.concat(
                EVENT_TOPICS.stream(),
                Stream.of(
                    ANALYTICS_SIGNUPS,
                    ANALYTICS_LISTINGS_TOPIC,
                    ANALYTICS_SUBSCRIPTIONS,
                    ANALYTICS_REVENUE,
                    ANALYTICS_ENGAGEMENT)),
            Stream.of(ConsumerGroup.values()).flatMap(group -> group.deadLetterTopics().stream()))
        .<Topic<?, ?>>map(topic -> topic)
        .filter(topic -> topic.name().equals(name))
        .findFirst();
  }

  /**
   * Domain events of one aggregate type, keyed by aggregate id: partitions keep each aggregate in
   * order.
   */
  private static TopicDefinition events(String name, TopicReplication replication) {
    return new TopicDefinition(
        name,
        3,
        replication.factor(),
        Map.of(
            "retention.ms", millis(Duration.ofDays(7)),
            "min.insync.replicas", Integer.toString(replication.minInsyncReplicas())));
  }

  /** Kept longer than the events, so an operator has time to look and redrive. */
  private static TopicDefinition deadLetters(String name, TopicReplication replication) {
    return new TopicDefinition(
        name,
        1,
        replication.factor(),
        Map.of(
            "retention.ms", millis(Duration.ofDays(30)),
            "min.insync.replicas", Integer.toString(replication.minInsyncReplicas())));
  }

  /**
   * The latest record per key, kept for good (retention.ms -1 only matters to the delete policy,
   * which these topics do not have); segments roll daily so the cleaner compacts a day's updates
   * soon after.
   */
  private static TopicDefinition compacted(String name, TopicReplication replication) {
    return new TopicDefinition(
        name,
        3,
        replication.factor(),
        Map.of(
            "cleanup.policy",
            "compact",
            "retention.ms",
            "-1",
            "segment.ms",
            millis(Duration.ofDays(1)),
            "min.insync.replicas",
            Integer.toString(replication.minInsyncReplicas())));
  }

  private static String millis(Duration duration) {
    return Long.toString(duration.toMillis());
  }
}
