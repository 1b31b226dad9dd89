package io.digitaltowns.infra.topics;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The project's Kafka topics: one place that says how many partitions they have and how long they keep data. */
public final class Topics {

    public static final String ACCOUNTS_EVENTS = "dt.accounts.events";
    /** Dead letters of the email consumer group for account events ({@code <topic>.<group>.dlt}). */
    public static final String ACCOUNTS_EVENTS_EMAIL_DLT = ACCOUNTS_EVENTS + ".email.dlt";
    public static final String TOWNS_EVENTS = "dt.towns.events";
    public static final String BUSINESSES_EVENTS = "dt.businesses.events";
    public static final String BUSINESSES_EVENTS_EMAIL_DLT = BUSINESSES_EVENTS + ".email.dlt";
    /** Every verified Stripe webhook event, raw; key = subscription id, else customer id, else Stripe event id. */
    public static final String STRIPE_EVENTS = "dt.stripe.events";
    /** Subscription state changes of businesses (activated, renewed, payment failed, canceled, ended); key = business id. */
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
    /** Dead letters of the clean-up groups: deleted businesses whose subscriptions or photos could not be removed. */
    public static final String BUSINESSES_EVENTS_STRIPE_CLEANUP_DLT = BUSINESSES_EVENTS + ".stripe-cleanup.dlt";
    public static final String BUSINESSES_EVENTS_PHOTO_CLEANUP_DLT = BUSINESSES_EVENTS + ".photo-cleanup.dlt";
    /** Aggregated figures for analysts, compacted: the latest record per key (docs/analytics.md). */
    public static final String ANALYTICS_SIGNUPS_DAILY = "dt.analytics.signups-daily";
    public static final String ANALYTICS_LISTINGS = "dt.analytics.listings";
    public static final String ANALYTICS_SUBSCRIPTIONS_DAILY = "dt.analytics.subscriptions-daily";
    public static final String ANALYTICS_REVENUE_DAILY = "dt.analytics.revenue-daily";
    public static final String ANALYTICS_ENGAGEMENT_DAILY = "dt.analytics.engagement-daily";

    private Topics() {
    }

    /** The topics as a single broker holds them: one replica each. */
    public static List<TopicDefinition> all() {
        return all(TopicReplication.SINGLE_BROKER);
    }

    /** The topics with the replication the cluster is configured for (KAFKA_REPLICATION_FACTOR, KAFKA_MIN_INSYNC_REPLICAS). */
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

    /** Domain events of one aggregate type, keyed by aggregate id: partitions keep each aggregate in order. */
    private static TopicDefinition events(String name, TopicReplication replication) {
        return new TopicDefinition(name, 3, replication.factor(), Map.of(
                "retention.ms", millis(Duration.ofDays(7)),
                "min.insync.replicas", Integer.toString(replication.minInsyncReplicas())));
    }

    /** Kept longer than the events, so an operator has time to look and redrive. */
    private static TopicDefinition deadLetters(String name, TopicReplication replication) {
        return new TopicDefinition(name, 1, replication.factor(), Map.of(
                "retention.ms", millis(Duration.ofDays(30)),
                "min.insync.replicas", Integer.toString(replication.minInsyncReplicas())));
    }

    /**
     * The latest record per key, kept for good (retention.ms -1 only matters to the delete policy, which these topics
     * do not have); segments roll daily so the cleaner compacts a day's updates soon after.
     */
    private static TopicDefinition compacted(String name, TopicReplication replication) {
        return new TopicDefinition(name, 3, replication.factor(), Map.of(
                "cleanup.policy", "compact",
                "retention.ms", "-1",
                "segment.ms", millis(Duration.ofDays(1)),
                "min.insync.replicas", Integer.toString(replication.minInsyncReplicas())));
    }

    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }
}
