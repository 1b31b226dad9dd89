package io.digitaltowns.infra.topics;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The project's Kafka topics: one place that says how many partitions they have and how long they keep data. */
public final class Topics {

    public static final String ACCOUNTS_EVENTS = "dt.accounts.events";
    /** Dead letters of the email consumer group for account events ({@code <topic>.<group>.dlt}). */
    public static final String ACCOUNTS_EVENTS_EMAIL_DLT = ACCOUNTS_EVENTS + ".email.dlt";

    private static final short SINGLE_NODE = 1;

    private Topics() {
    }

    public static List<TopicDefinition> all() {
        return List.of(
                new TopicDefinition(ACCOUNTS_EVENTS, 3, SINGLE_NODE, Map.of(
                        "retention.ms", millis(Duration.ofDays(7)),
                        "min.insync.replicas", "1")),
                new TopicDefinition(ACCOUNTS_EVENTS_EMAIL_DLT, 1, SINGLE_NODE, Map.of(
                        "retention.ms", millis(Duration.ofDays(30)),
                        "min.insync.replicas", "1")));
    }

    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }
}
