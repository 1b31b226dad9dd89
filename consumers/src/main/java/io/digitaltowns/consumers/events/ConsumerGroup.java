package io.digitaltowns.consumers.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A consumer group as its feature declares it: its name (the Kafka group id, which holds its committed offsets), the
 * topics it reads, its handlers, how many threads per topic, and whether it runs. Everything else (the listener
 * containers, decoding, the message log that makes it idempotent, retries, the dead-letter topic, logging context and
 * metrics) comes from the one runtime, {@link ConsumerGroupListeners}.
 *
 * <p>Each topic gets its own listener container in the group: a record in retry on one topic (a business mail waiting
 * out an SMTP outage) holds up nothing on the others (a password-reset mail). The first topic's container is named
 * like the group, the others {@code <group>-<topic>}.
 *
 * @param concurrency threads per topic, null for the container factory's default (one)
 * @param failureTriage turns a handler's failure into the one the error handler sees: a
 *     {@link PermanentFailureException} is dead-lettered at once, anything else retried in place; identity by default
 */
public record ConsumerGroup(String name, List<String> topics, List<EventHandler<?>> handlers, Integer concurrency,
                            boolean enabled, UnaryOperator<RuntimeException> failureTriage) {

  public ConsumerGroup {
    Objects.requireNonNull(name, "name");
    topics = List.copyOf(topics);
    handlers = List.copyOf(handlers);
    if (topics.isEmpty()) {
      throw new IllegalArgumentException("consumer group " + name + " reads no topic");
    }
    failureTriage = failureTriage == null ? UnaryOperator.identity() : failureTriage;
  }

  public static Builder named(String name) {
    return new Builder(name);
  }

  /** The listener container of one of the group's topics. */
  public String listenerId(String topic) {
    return topic.equals(topics.get(0)) ? name : name + "-" + topic;
  }

  /** Dead letters of this group for a record of {@code topic}. */
  public String deadLetterTopic(String topic) {
    return DeadLetterTopics.of(topic, name);
  }

  public static final class Builder {

    private final String name;
    private final List<String> topics = new ArrayList<>();
    private final List<EventHandler<?>> handlers = new ArrayList<>();
    private Integer concurrency;
    private boolean enabled = true;
    private UnaryOperator<RuntimeException> failureTriage;

    private Builder(String name) {
      this.name = name;
    }

    public Builder topics(String... topics) {
      this.topics.addAll(List.of(topics));
      return this;
    }

    public Builder handlers(Collection<? extends EventHandler<?>> handlers) {
      this.handlers.addAll(handlers);
      return this;
    }

    public Builder handler(EventHandler<?> handler) {
      this.handlers.add(handler);
      return this;
    }

    public Builder concurrency(Integer concurrency) {
      this.concurrency = concurrency;
      return this;
    }

    /** The group's switch: off, its listeners are registered (health shows them "off") but never start. */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    public Builder failureTriage(UnaryOperator<RuntimeException> failureTriage) {
      this.failureTriage = failureTriage;
      return this;
    }

    public ConsumerGroup build() {
      return new ConsumerGroup(name, topics, handlers, concurrency, enabled, failureTriage);
    }
  }
}
