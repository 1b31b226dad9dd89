package io.digitaltowns.consumers.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The consumers' meters, tagged {@code group}, {@code topic} and {@code eventType}:
 *
 * <ul>
 *   <li>{@code dt.consumer.processed}: events whose handler ran and committed;
 *   <li>{@code dt.consumer.skipped} (tag {@code reason} = duplicate | unhandled): acknowledged
 *       without running a handler;
 *   <li>{@code dt.consumer.failed} (tag {@code exception}): failed attempts, each retry counts;
 *   <li>{@code dt.consumer.deadlettered} (tags group, topic, exception): records sent to the DLT;
 *   <li>{@code dt.consumer.latency} (tag group, with a percentile histogram): from the event's
 *       {@code occurredAt} to its handling committed, the end-to-end delay through outbox, relay
 *       and Kafka.
 * </ul>
 */
public class ConsumerMetrics {

  public static final String PROCESSED = "dt.consumer.processed";
  public static final String SKIPPED = "dt.consumer.skipped";
  public static final String FAILED = "dt.consumer.failed";
  public static final String DEAD_LETTERED = "dt.consumer.deadlettered";
  public static final String LATENCY = "dt.consumer.latency";

  private final MeterRegistry registry;
  private final Clock clock;

  public ConsumerMetrics(MeterRegistry registry) {
    this(registry, Clock.systemUTC());
  }

  ConsumerMetrics(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  void processed(String group, String topic, String eventType, Instant occurredAt) {
    counter(PROCESSED, "Events handled by a consumer group", group, topic, eventType).increment();
    if (occurredAt != null) {
      Duration latency = Duration.between(occurredAt, clock.instant());
      Timer.builder(LATENCY)
          .description("From the event's occurredAt to its handling by the consumer group")
          .tag("group", group)
          .publishPercentileHistogram()
          .minimumExpectedValue(Duration.ofMillis(1))
          .maximumExpectedValue(Duration.ofHours(1))
          .register(registry)
          .record(latency.isNegative() ? Duration.ZERO : latency); // clock skew between hosts
    }
  }

  void skipped(String group, String topic, String eventType, String reason) {
    Counter.builder(SKIPPED)
        .description(
            "Events acknowledged without running a handler (duplicates, types the group does not handle)")
        .tags("group", group, "topic", topic, "eventType", eventType, "reason", reason)
        .register(registry)
        .increment();
  }

  void failed(String group, String topic, String eventType, Throwable failure) {
    Counter.builder(FAILED)
        .description("Failed handling attempts (each retry counts)")
        .tags(
            "group",
            group,
            "topic",
            topic,
            "eventType",
            eventType,
            "exception",
            exceptionName(failure))
        .register(registry)
        .increment();
  }

  void deadLettered(String group, String topic, Throwable failure) {
    Counter.builder(DEAD_LETTERED)
        .description("Records sent to the dead-letter topic <topic>.<group>.dlt")
        .tags("group", group, "topic", topic, "exception", exceptionName(failure))
        .register(registry)
        .increment();
  }

  private Counter counter(
      String name, String description, String group, String topic, String eventType) {
    return Counter.builder(name)
        .description(description)
        .tags("group", group, "topic", topic, "eventType", eventType)
        .register(registry);
  }

  private static String exceptionName(Throwable failure) {
    Throwable cause = failure;
    // the listener container wraps the handler's exception; the cause says what went wrong
    while (cause instanceof org.springframework.kafka.listener.ListenerExecutionFailedException
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause == null ? "none" : cause.getClass().getSimpleName();
  }
}
