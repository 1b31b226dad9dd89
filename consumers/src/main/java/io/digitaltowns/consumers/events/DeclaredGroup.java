package io.digitaltowns.consumers.events;

import io.digitaltowns.events.catalog.ConsumerGroup;
import io.digitaltowns.events.catalog.Topic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A consumer group as its feature declares it: the catalog's {@link ConsumerGroup} (its id, which
 * holds its committed offsets, and the topics it reads), its handlers, how many threads per topic,
 * and whether it runs. Everything else (the listener containers, decoding, the message log that
 * makes it idempotent, retries, the dead-letter topic, logging context and metrics) comes from the
 * one runtime, {@link ConsumerGroupListeners}.
 *
 * <p>Each topic gets its own listener container in the group: a record in retry on one topic (a
 * business mail waiting out an SMTP outage) holds up nothing on the others (a password-reset mail).
 * The first topic's container is named like the group, the others {@code <group>-<topic>}.
 *
 * @param concurrency threads per topic, null for the container factory's default (one)
 * @param failureTriage turns a handler's failure into the one the error handler sees: a {@link
 *     PermanentFailureException} is dead-lettered at once, anything else retried in place; identity
 *     by default
 */
public record DeclaredGroup(
    ConsumerGroup group,
    List<EventHandler<?>> handlers,
    Integer concurrency,
    boolean enabled,
    UnaryOperator<RuntimeException> failureTriage) {

  public DeclaredGroup {
    Objects.requireNonNull(group, "group");
    handlers = List.copyOf(handlers);
    if (group.topics().isEmpty()) {
      throw new IllegalArgumentException(
          "consumer group " + group.id() + " reads no topic of the catalog");
    }
    failureTriage = failureTriage == null ? UnaryOperator.identity() : failureTriage;
  }

  public static Builder of(ConsumerGroup group) {
    return new Builder(group);
  }

  /** The Kafka group id. */
  public String id() {
    return group.id();
  }

  public List<Topic<?, ?>> topics() {
    return group.topics();
  }

  /** The listener container of one of the group's topics. */
  public String listenerId(Topic<?, ?> topic) {
    return topic.equals(topics().get(0)) ? id() : id() + "-" + topic.name();
  }

  public static final class Builder {

    private final ConsumerGroup group;
    private final List<EventHandler<?>> handlers = new ArrayList<>();
    private Integer concurrency;
    private boolean enabled = true;
    private UnaryOperator<RuntimeException> failureTriage;

    private Builder(ConsumerGroup group) {
      this.group = group;
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

    /**
     * The group's switch: off, its listeners are registered (health shows them "off") but never
     * start.
     */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    public Builder failureTriage(UnaryOperator<RuntimeException> failureTriage) {
      this.failureTriage = failureTriage;
      return this;
    }

    public DeclaredGroup build() {
      return new DeclaredGroup(group, handlers, concurrency, enabled, failureTriage);
    }
  }
}
