package io.digitaltowns.events.catalog;

import java.util.Arrays;
import java.util.List;

/**
 * The consumer groups of the system, each with the topics it reads. A group dead-letters the
 * records it cannot process to {@link Topic#deadLetters} of the topic they came from; those topics
 * are in {@link Topics#all()}. {@link Names} holds the ids as compile-time constants for
 * annotations ({@code @KafkaListener(groupId = ...)}).
 */
public enum ConsumerGroup {

  /** Mails to users and owners (SMTP). */
  EMAIL(Names.EMAIL, true, Topics.ACCOUNTS, Topics.BUSINESSES, Topics.BILLING),
  /** The CRM read model admins look at. */
  CRM(Names.CRM, true, Topics.ACCOUNTS, Topics.BUSINESSES, Topics.BILLING, Topics.CRM),
  /** Contacts and companies pushed to HubSpot. */
  CRM_SYNC(Names.CRM_SYNC, true, Topics.ACCOUNTS, Topics.BUSINESSES),
  /** The Kafka Streams topology (its application id): daily figures into {@code dt.analytics.*}. */
  ANALYTICS(Names.ANALYTICS, true, Topics.ACCOUNTS, Topics.BUSINESSES, Topics.BILLING),
  /**
   * Copies the aggregated figures into PostgreSQL for the admin pages; nothing to dead-letter (it
   * only copies).
   */
  ANALYTICS_SINK(
      Names.ANALYTICS_SINK,
      false,
      Topics.ANALYTICS_SIGNUPS,
      Topics.ANALYTICS_LISTINGS_TOPIC,
      Topics.ANALYTICS_SUBSCRIPTIONS,
      Topics.ANALYTICS_REVENUE,
      Topics.ANALYTICS_ENGAGEMENT),
  /** Cancels the Stripe subscriptions of deleted businesses. */
  STRIPE_CLEANUP(Names.STRIPE_CLEANUP, true, Topics.BUSINESSES),
  /** Deletes the photo objects of deleted businesses. */
  PHOTO_CLEANUP(Names.PHOTO_CLEANUP, true, Topics.BUSINESSES),
  /**
   * Archives topics to the bucket; reads by pattern (every topic but the dead letters and the
   * figures).
   */
  BACKUP(Names.BACKUP, false);

  /** The group ids as compile-time constants, for annotation attributes. */
  public static final class Names {
    public static final String EMAIL = "email";
    public static final String CRM = "crm";
    public static final String CRM_SYNC = "crm-sync";
    public static final String ANALYTICS = "analytics";
    public static final String ANALYTICS_SINK = "analytics-sink";
    public static final String STRIPE_CLEANUP = "stripe-cleanup";
    public static final String PHOTO_CLEANUP = "photo-cleanup";
    public static final String BACKUP = "backup";

    private Names() {}
  }

  private final String id;
  private final boolean deadLetters;
  private final List<Topic<?, ?>> topics;

  ConsumerGroup(String id, boolean deadLetters, Topic<?, ?>... topics) {
    this.id = id;
    this.deadLetters = deadLetters;
    this.topics = List.of(topics);
  }

  /** The Kafka group id. */
  public String id() {
    return id;
  }

  /** The topics this group reads (empty for a group that subscribes by pattern). */
  public List<Topic<?, ?>> topics() {
    return topics;
  }

  public boolean reads(Topic<?, ?> topic) {
    return topics.contains(topic);
  }

  boolean deadLettersOf(Topic<?, ?> topic) {
    return deadLetters && reads(topic);
  }

  /** The dead-letter topics of this group, one per topic it reads. */
  public List<Topic<?, ?>> deadLetterTopics() {
    return deadLetters
        ? topics.stream().<Topic<?, ?>>map(topic -> topic.deadLetters(this)).toList()
        : List.of();
  }

  public static ConsumerGroup byId(String id) {
    return Arrays.stream(values())
        .filter(group -> group.id.equals(id))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("not a consumer group of the catalog: " + id));
  }
}
