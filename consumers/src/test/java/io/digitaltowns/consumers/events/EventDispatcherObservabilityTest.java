package io.digitaltowns.consumers.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.digitaltowns.events.accounts.SignupMethod;
import io.digitaltowns.events.accounts.UserRegistered;
import io.digitaltowns.events.accounts.UserSignedIn;
import io.digitaltowns.events.wire.AvroEventDeserializer;
import io.digitaltowns.events.wire.SchemaRegistryClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dispatcher as the listener container drives it (through {@link RecordObservation}): what a
 * handler logs carries the trace id, event id, type and group in its MDC, and every outcome is
 * counted. The decoding and the message log are stand-ins; no servers are needed.
 */
class EventDispatcherObservabilityTest {

  private static final String GROUP = "email";
  private static final String TOPIC = "dt.accounts.events";
  private static final String ENVELOPE_TRACE = "0af7651916cd43dd8448eb211c80319c";
  private static final String HEADER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

  private final List<ILoggingEvent> lines = new CopyOnWriteArrayList<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final AppenderBase<ILoggingEvent> capture =
      new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
          lines.add(event);
        }
      };

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ConsumerMetrics metrics =
      new ConsumerMetrics(registry, Clock.fixed(NOW, ZoneOffset.UTC));
  private final StubDecoder decoder = new StubDecoder();
  private final InMemoryProcessedEvents processed = new InMemoryProcessedEvents();
  private final LoggingHandler handler = new LoggingHandler();
  private final RecordObservation interceptor = new RecordObservation(metrics);
  // the five-argument constructor, as the email consumer builds it: meters come from the
  // interceptor
  private final EventDispatcher dispatcher =
      new EventDispatcher(
          GROUP,
          List.of(handler),
          decoder,
          processed,
          new TransactionTemplate(new NoTransactions()));

  @BeforeEach
  void capture() {
    capture.setContext(root.getLoggerContext());
    capture.start();
    root.addAppender(capture);
  }

  @AfterEach
  void release() {
    root.detachAppender(capture);
    capture.stop();
    MDC.clear();
  }

  @Test
  void a_line_a_handler_logs_carries_the_trace_id_of_the_event_and_the_mdc_is_clear_afterwards() {
    UserRegistered event = registered(ENVELOPE_TRACE, NOW.minusMillis(1500));

    consume(event, "00-" + HEADER_TRACE + "-00f067aa0ba902b7-01");

    ILoggingEvent line = handlerLine();
    assertThat(line.getMDCPropertyMap())
        .containsEntry("traceId", ENVELOPE_TRACE) // the envelope wins over the header
        .containsEntry("eventId", event.getEventId())
        .containsEntry("eventType", "UserRegistered")
        .containsEntry("consumerGroup", GROUP);
    assertThat(MDC.getCopyOfContextMap()).as("MDC after the record").isNullOrEmpty();
  }

  @Test
  void without_a_trace_id_in_the_envelope_the_traceparent_header_gives_it() {
    consume(registered(null, NOW), "00-" + HEADER_TRACE + "-00f067aa0ba902b7-01");

    assertThat(handlerLine().getMDCPropertyMap()).containsEntry("traceId", HEADER_TRACE);
    assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
  }

  @Test
  void a_failing_handler_logs_with_the_trace_id_is_counted_as_failed_and_leaves_no_mdc_behind() {
    handler.failWith = new IllegalStateException("SMTP down");

    assertThatThrownBy(() -> consume(registered(ENVELOPE_TRACE, NOW), null))
        .isInstanceOf(IllegalStateException.class);

    assertThat(handlerLine().getMDCPropertyMap()).containsEntry("traceId", ENVELOPE_TRACE);
    assertThat(
            registry
                .get(ConsumerMetrics.FAILED)
                .tags(
                    "group",
                    GROUP,
                    "topic",
                    TOPIC,
                    "eventType",
                    "UserRegistered",
                    "exception",
                    "IllegalStateException")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
  }

  @Test
  void
      processed_duplicates_and_unhandled_types_are_counted_and_the_latency_is_measured_from_occurred_at() {
    UserRegistered event = registered(null, NOW.minusSeconds(2));

    consume(event, null);
    consume(event, null); // redelivered
    consume(
        UserSignedIn.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setOccurredAt(NOW)
            .setAggregateId(UUID.randomUUID().toString())
            .setMethod(io.digitaltowns.events.accounts.SignInMethod.PASSWORD)
            .build(),
        null);

    assertThat(handler.handled).isEqualTo(1);
    assertThat(
            registry
                .get(ConsumerMetrics.PROCESSED)
                .tags("group", GROUP, "topic", TOPIC, "eventType", "UserRegistered")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get(ConsumerMetrics.SKIPPED)
                .tags("group", GROUP, "eventType", "UserRegistered", "reason", "duplicate")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get(ConsumerMetrics.SKIPPED)
                .tags("group", GROUP, "eventType", "UserSignedIn", "reason", "unhandled")
                .counter()
                .count())
        .isEqualTo(1);
    var latency = registry.get(ConsumerMetrics.LATENCY).tag("group", GROUP).timer();
    assertThat(latency.count()).isEqualTo(1);
    assertThat(latency.totalTime(TimeUnit.MILLISECONDS))
        .isEqualTo(Duration.ofSeconds(2).toMillis());
  }

  @Test
  void a_dispatcher_given_its_own_metrics_counts_without_the_interceptor() {
    EventDispatcher standalone =
        new EventDispatcher(
            GROUP,
            List.of(handler),
            decoder,
            processed,
            new TransactionTemplate(new NoTransactions()),
            metrics);
    UserRegistered event = registered(ENVELOPE_TRACE, NOW);
    decoder.next = event;

    standalone.dispatch(new byte[0]);

    assertThat(handlerLine().getMDCPropertyMap())
        .containsEntry("traceId", ENVELOPE_TRACE)
        .containsEntry("consumerGroup", GROUP);
    assertThat(
            registry
                .get(ConsumerMetrics.PROCESSED)
                .tags("group", GROUP, "topic", "unknown")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
  }

  /** What the listener container does around the listener: interceptor, listener, afterRecord. */
  private void consume(GenericContainer event, String traceparent) {
    decoder.next = event;
    ConsumerRecord<Object, Object> record =
        new ConsumerRecord<>(TOPIC, 0, 0L, new byte[0], new byte[0]);
    if (traceparent != null) {
      record
          .headers()
          .add(new RecordHeader("traceparent", traceparent.getBytes(StandardCharsets.UTF_8)));
    }
    ConsumerRecord<Object, Object> intercepted = interceptor.intercept(record, null);
    try {
      // the group would come from the Kafka consumer; without one the dispatcher's own is used
      dispatcher.dispatch((byte[]) intercepted.value());
    } finally {
      interceptor.afterRecord(intercepted, null);
    }
  }

  private ILoggingEvent handlerLine() {
    return lines.stream()
        .filter(line -> line.getLoggerName().equals(LoggingHandler.class.getName()))
        .reduce((first, second) -> second)
        .orElseThrow(() -> new AssertionError("the handler logged nothing"));
  }

  private static UserRegistered registered(String traceId, Instant occurredAt) {
    return UserRegistered.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setOccurredAt(occurredAt)
        .setAggregateId(UUID.randomUUID().toString())
        .setTraceId(traceId)
        .setEmail("someone@example.org")
        .setDisplayName("Someone")
        .setSignupMethod(SignupMethod.PASSWORD)
        .build();
  }

  static final class LoggingHandler implements EventHandler<UserRegistered> {

    private static final org.slf4j.Logger log = LoggerFactory.getLogger(LoggingHandler.class);

    int handled;
    RuntimeException failWith;

    @Override
    public Class<UserRegistered> eventType() {
      return UserRegistered.class;
    }

    @Override
    public void handle(UserRegistered event) {
      log.info("welcoming {}", event.getAggregateId());
      if (failWith != null) {
        throw failWith;
      }
      handled++;
    }
  }

  static final class StubDecoder extends AvroEventDeserializer {

    GenericContainer next;

    StubDecoder() {
      super(new SchemaRegistryClient("http://localhost:1"));
    }

    @Override
    public GenericContainer deserialize(byte[] bytes) {
      return next;
    }
  }

  static final class InMemoryProcessedEvents extends ProcessedEvents {

    private final Set<String> seen = new HashSet<>();

    InMemoryProcessedEvents() {
      super(null);
    }

    @Override
    public boolean markProcessed(String group, String eventId) {
      return seen.add(group + "/" + eventId);
    }
  }

  static final class NoTransactions extends AbstractPlatformTransactionManager {

    @Override
    protected Object doGetTransaction() {
      return new Object();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {}

    @Override
    protected void doCommit(DefaultTransactionStatus status) {}

    @Override
    protected void doRollback(DefaultTransactionStatus status) {}
  }
}
