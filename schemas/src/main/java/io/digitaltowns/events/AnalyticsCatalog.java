package io.digitaltowns.events;

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
import io.digitaltowns.events.catalog.Topics;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/**
 * The aggregated topics analysts read ({@code dt.analytics.*}): each one's name, key and value
 * record. Keys and values are Avro in the same wire format as the domain events, registered under
 * their record names.
 */
public final class AnalyticsCatalog {

  /** One aggregated topic. {@code daily} topics have a {@code dayUtc} field in key and value. */
  public record AnalyticsTopic(String name, Schema key, Schema value) {

    /**
     * The short name used by the admin endpoint: {@code signups-daily} for {@code
     * dt.analytics.signups-daily}.
     */
    public String shortName() {
      return name.substring(PREFIX.length());
    }

    public boolean daily() {
      return value.getField("dayUtc") != null;
    }
  }

  public static final String PREFIX = "dt.analytics.";
  public static final AnalyticsTopic SIGNUPS_DAILY =
      new AnalyticsTopic(
          Topics.ANALYTICS_SIGNUPS_DAILY,
          SignupsDailyKey.getClassSchema(),
          SignupsDaily.getClassSchema());
  public static final AnalyticsTopic LISTINGS =
      new AnalyticsTopic(
          Topics.ANALYTICS_LISTINGS, ListingsKey.getClassSchema(), Listings.getClassSchema());
  public static final AnalyticsTopic SUBSCRIPTIONS_DAILY =
      new AnalyticsTopic(
          Topics.ANALYTICS_SUBSCRIPTIONS_DAILY,
          SubscriptionsDailyKey.getClassSchema(),
          SubscriptionsDaily.getClassSchema());
  public static final AnalyticsTopic REVENUE_DAILY =
      new AnalyticsTopic(
          Topics.ANALYTICS_REVENUE_DAILY,
          RevenueDailyKey.getClassSchema(),
          RevenueDaily.getClassSchema());
  public static final AnalyticsTopic ENGAGEMENT_DAILY =
      new AnalyticsTopic(
          Topics.ANALYTICS_ENGAGEMENT_DAILY,
          EngagementDailyKey.getClassSchema(),
          EngagementDaily.getClassSchema());

  private static final List<AnalyticsTopic> TOPICS =
      List.of(SIGNUPS_DAILY, LISTINGS, SUBSCRIPTIONS_DAILY, REVENUE_DAILY, ENGAGEMENT_DAILY);

  private AnalyticsCatalog() {}

  public static List<AnalyticsTopic> topics() {
    return TOPICS;
  }

  public static Optional<AnalyticsTopic> byShortName(String shortName) {
    return TOPICS.stream().filter(topic -> topic.shortName().equals(shortName)).findFirst();
  }

  /** Every key and value schema, for the evolution check. */
  public static List<Schema> schemas() {
    return TOPICS.stream().flatMap(topic -> Stream.of(topic.key(), topic.value())).toList();
  }
}
