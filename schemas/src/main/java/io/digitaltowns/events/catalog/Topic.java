package io.digitaltowns.events.catalog;

import java.util.List;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * A topic of the catalog, typed by its record key and value (the model is kafka-streams-examples'
 * {@code Schemas.Topics}): code that names a topic holds one of these, so a typo or a topic nobody
 * defines fails to compile.
 *
 * @param <K> the record key's type ({@code String} = the aggregate id for domain events)
 * @param <V> the record value's type
 */
public final class Topic<K, V> {

  /** How every dead-letter topic's name ends ({@code <topic>.<group>.dlt}). */
  public static final String DEAD_LETTER_SUFFIX = ".dlt";

  private final String name;
  private final Class<K> keyType;
  private final Class<V> valueType;
  private final String aggregateType;
  private final List<Class<? extends SpecificRecord>> eventTypes;

  private Topic(
      String name,
      Class<K> keyType,
      Class<V> valueType,
      String aggregateType,
      List<Class<? extends SpecificRecord>> eventTypes) {
    this.name = Objects.requireNonNull(name);
    this.keyType = keyType;
    this.valueType = valueType;
    this.aggregateType = aggregateType;
    this.eventTypes = List.copyOf(eventTypes);
  }

  /** The domain events of one aggregate type, keyed by aggregate id. */
  @SafeVarargs
  static Topic<String, SpecificRecord> events(
      String name, String aggregateType, Class<? extends SpecificRecord>... eventTypes) {
    return new Topic<>(
        name,
        String.class,
        SpecificRecord.class,
        Objects.requireNonNull(aggregateType),
        List.of(eventTypes));
  }

  /** A derived topic (not written by the relay): typed key and value, no aggregate. */
  static <K, V> Topic<K, V> of(String name, Class<K> keyType, Class<V> valueType) {
    return new Topic<>(name, keyType, valueType, null, List.of());
  }

  public String name() {
    return name;
  }

  public Class<K> keyType() {
    return keyType;
  }

  public Class<V> valueType() {
    return valueType;
  }

  /**
   * The aggregate type whose events this topic carries (the outbox row's {@code aggregate_type});
   * {@code null} for a topic the relay does not write.
   */
  public String aggregateType() {
    return aggregateType;
  }

  /** The event classes published on this topic (empty for a topic the relay does not write). */
  public List<Class<? extends SpecificRecord>> eventTypes() {
    return eventTypes;
  }

  public boolean carries(Class<? extends SpecificRecord> eventType) {
    return eventTypes.contains(eventType);
  }

  /**
   * Where {@code group} puts the records of this topic it cannot process ({@code
   * <topic>.<group>.dlt}): the same key and value bytes, the failure in headers.
   *
   * @throws IllegalArgumentException when the group does not read this topic: it has no dead
   *     letters of it
   */
  public Topic<K, V> deadLetters(ConsumerGroup group) {
    if (!group.deadLettersOf(this)) {
      throw new IllegalArgumentException(
          "group " + group.id() + " does not dead-letter records of " + name);
    }
    return new Topic<>(deadLettersName(name, group.id()), keyType, valueType, null, List.of());
  }

  /**
   * The dead-letter topic's name for a record read from {@code topicName} by {@code groupId}, for a
   * runtime that only has the record's topic name and its group id at hand; {@link
   * #deadLetters(ConsumerGroup)} where the types are known.
   */
  public static String deadLettersName(String topicName, String groupId) {
    return topicName + "." + groupId + DEAD_LETTER_SUFFIX;
  }

  /** Whether a topic name is a dead-letter topic ({@code <topic>.<group>.dlt}). */
  public static boolean isDeadLetters(String topicName) {
    return topicName.endsWith(DEAD_LETTER_SUFFIX);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Topic<?, ?> topic && topic.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
