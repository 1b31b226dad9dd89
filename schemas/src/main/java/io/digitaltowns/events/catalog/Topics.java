package io.digitaltowns.events.catalog;

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

    private static final short SINGLE_NODE = 1;

    private Topics() {
    }

    public static List<TopicDefinition> all() {
        return List.of(
                events(ACCOUNTS_EVENTS),
                events(TOWNS_EVENTS),
                events(BUSINESSES_EVENTS),
                deadLetters(ACCOUNTS_EVENTS_EMAIL_DLT),
                deadLetters(BUSINESSES_EVENTS_EMAIL_DLT),
                deadLetters(BILLING_EVENTS_EMAIL_DLT),
                deadLetters(ACCOUNTS_EVENTS_CRM_SYNC_DLT),
                deadLetters(BUSINESSES_EVENTS_CRM_SYNC_DLT),
                events(STRIPE_EVENTS),
                events(BILLING_EVENTS),
                events(CRM_EVENTS),
                deadLetters(ACCOUNTS_EVENTS_CRM_DLT),
                deadLetters(BUSINESSES_EVENTS_CRM_DLT),
                deadLetters(BILLING_EVENTS_CRM_DLT),
                deadLetters(CRM_EVENTS_CRM_DLT),
                deadLetters(ACCOUNTS_EVENTS_ANALYTICS_DLT),
                deadLetters(BUSINESSES_EVENTS_ANALYTICS_DLT),
                deadLetters(BILLING_EVENTS_ANALYTICS_DLT),
                deadLetters(BUSINESSES_EVENTS_STRIPE_CLEANUP_DLT),
                deadLetters(BUSINESSES_EVENTS_PHOTO_CLEANUP_DLT),
                compacted(ANALYTICS_SIGNUPS_DAILY),
                compacted(ANALYTICS_LISTINGS),
                compacted(ANALYTICS_SUBSCRIPTIONS_DAILY),
                compacted(ANALYTICS_REVENUE_DAILY),
                compacted(ANALYTICS_ENGAGEMENT_DAILY));
    }

    /** Domain events of one aggregate type, keyed by aggregate id: partitions keep each aggregate in order. */
    private static TopicDefinition events(String name) {
        return new TopicDefinition(name, 3, SINGLE_NODE, Map.of(
                "retention.ms", millis(Duration.ofDays(7)),
                "min.insync.replicas", "1"));
    }

    /** Kept longer than the events, so an operator has time to look and redrive. */
    private static TopicDefinition deadLetters(String name) {
        return new TopicDefinition(name, 1, SINGLE_NODE, Map.of(
                "retention.ms", millis(Duration.ofDays(30)),
                "min.insync.replicas", "1"));
    }

    /**
     * The latest record per key, kept for good (retention.ms -1 only matters to the delete policy, which these topics
     * do not have); segments roll daily so the cleaner compacts a day's updates soon after.
     */
    private static TopicDefinition compacted(String name) {
        return new TopicDefinition(name, 3, SINGLE_NODE, Map.of(
                "cleanup.policy", "compact",
                "retention.ms", "-1",
                "segment.ms", millis(Duration.ofDays(1)),
                "min.insync.replicas", "1"));
    }

    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }
}
