package io.digitaltowns.api.site.analytics;

import io.digitaltowns.events.AnalyticsCatalog;
import io.digitaltowns.events.AnalyticsCatalog.AnalyticsTopic;
import java.util.List;

/**
 * What the analytics page draws of each {@code dt.analytics.*} topic: its heading, a sentence on
 * what it counts, and which fields become bars (the CSV download has every field). Daily topics are
 * drawn per day of the range, summed over their other key fields; {@code listings} per category,
 * summed over towns.
 *
 * @param splitBy a field whose values make separate series ({@code currency}: euros and dollars are
 *     not summed)
 */
enum Figure {
  SIGNUPS(
      AnalyticsCatalog.SIGNUPS_DAILY,
      "Sign-ups",
      "New accounts per UTC day, and how many of them confirmed their address.",
      List.of(
          new Field("registrations", "Registrations"),
          new Field("verified", "Confirmed addresses")),
      null),
  LISTINGS(
      AnalyticsCatalog.LISTINGS,
      "Listings",
      "Listings per category as they stand now, all towns together (the range does not apply).",
      List.of(
          new Field("published", "Published"),
          new Field("pendingReview", "Waiting for review"),
          new Field("featured", "Featured")),
      null),
  SUBSCRIPTIONS(
      AnalyticsCatalog.SUBSCRIPTIONS_DAILY,
      "Subscriptions",
      "Subscriptions started and canceled per UTC day, and how many were active at its end.",
      List.of(
          new Field("newSubscriptions", "New"),
          new Field("canceled", "Canceled"),
          new Field("activeAtEndOfDay", "Active at the end of the day")),
      null),
  REVENUE(
      AnalyticsCatalog.REVENUE_DAILY,
      "Revenue",
      "Invoices paid per UTC day, in the currency's minor unit (cents), before fees and refunds.",
      List.of(new Field("grossAmount", "Paid")),
      "currency"),
  ENGAGEMENT(
      AnalyticsCatalog.ENGAGEMENT_DAILY,
      "Engagement",
      "Messages residents sent to businesses and photos owners added, per UTC day.",
      List.of(
          new Field("contactMessages", "Contact messages"),
          new Field("photoUploads", "Photo uploads")),
      null);

  /** A value field drawn as a series, and its name on the page. */
  record Field(String name, String label) {}

  private final AnalyticsTopic topic;
  private final String title;
  private final String about;
  private final List<Field> fields;
  private final String splitBy;

  Figure(AnalyticsTopic topic, String title, String about, List<Field> fields, String splitBy) {
    this.topic = topic;
    this.title = title;
    this.about = about;
    this.fields = fields;
    this.splitBy = splitBy;
  }

  AnalyticsTopic topic() {
    return topic;
  }

  /** {@code signups-daily}: the API's and the CSV download's name for it. */
  String shortName() {
    return topic.shortName();
  }

  String title() {
    return title;
  }

  String about() {
    return about;
  }

  List<Field> fields() {
    return fields;
  }

  String splitBy() {
    return splitBy;
  }
}
