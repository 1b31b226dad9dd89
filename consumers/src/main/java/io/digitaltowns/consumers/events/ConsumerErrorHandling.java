package io.digitaltowns.consumers.events;

import io.digitaltowns.events.wire.UndecodableEventException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What a consumer does with a record that failed, by whom the failure belongs to.
 *
 * <p>A failure of the record (undecodable, or a {@link PermanentFailureException}: an unusable
 * address, a recipient the mail server refuses for good, a request HubSpot rejects) goes to {@code
 * <topic>.<group>.dlt} at once, its reason in the {@value FailureReason#HEADER} header beside
 * Spring's {@code kafka_dlt-*} headers and in a WARN line, and the partition moves on. Retrying it
 * would only hold up every record behind it on that partition (issue 16, finding 4: three poison
 * sign-ups stopped all mail for half an hour). Anything else is taken for an outage of what the
 * consumer talks to (SMTP, HubSpot, the database) and retried in place with exponential backoff,
 * each retry logged at WARN with its reason; the partition waits, as it should, since the records
 * behind would fail alike. After {@code CONSUMER_RETRY_MAX_ELAPSED} the record is dead-lettered
 * too. Each dead letter is counted in {@code dt.consumer.deadlettered} ({@link ConsumerMetrics}).
 */
@Configuration
class ConsumerErrorHandling {

  private static final Logger log = LoggerFactory.getLogger(ConsumerErrorHandling.class);

  @Bean
  DefaultErrorHandler consumerErrorHandler(
      KafkaTemplate<byte[], byte[]> template,
      ConsumerRetryProperties retry,
      ObjectProvider<ConsumerMetrics> metrics) {
    DeadLetterPublishingRecoverer deadLetters =
        new CountingDeadLetters(template, metrics.getIfAvailable());
    ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), 2.0);
    backOff.setMaxInterval(retry.maxInterval().toMillis());
    backOff.setMaxElapsedTime(retry.maxElapsed().toMillis());
    DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
    handler.addNotRetryableExceptions(
        UndecodableEventException.class, PermanentFailureException.class);
    handler.setRetryListeners(
        new RetryListener() {
          @Override
          public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int attempt) {
            if (!FailureReason.ofTheRecord(failure)) {
              log.warn(
                  "{}: record {}-{}@{} failed, retried in place (attempt {}), the partition waits: {}",
                  groupOf(failure),
                  record.topic(),
                  record.partition(),
                  record.offset(),
                  attempt,
                  FailureReason.of(failure));
            }
          }
        });
    return handler;
  }

  /** Publishes to {@code <topic>.<group>.dlt}; counts the record once it is sent. */
  static class CountingDeadLetters extends DeadLetterPublishingRecoverer {

    private final ConsumerMetrics metrics;

    CountingDeadLetters(KafkaTemplate<byte[], byte[]> template, ConsumerMetrics metrics) {
      super(
          template,
          (record, exception) ->
              new TopicPartition(DeadLetterTopics.of(record.topic(), groupOf(exception)), -1));
      this.metrics = metrics;
      setHeadersFunction(
          (record, exception) ->
              new RecordHeaders()
                  .add(
                      FailureReason.HEADER,
                      FailureReason.of(exception).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
      super.accept(record, consumer, exception); // throws when the dead letter could not be sent
      log.warn(
          "{}: record {}-{}@{} dead-lettered to {}: {}",
          groupOf(exception),
          record.topic(),
          record.partition(),
          record.offset(),
          DeadLetterTopics.of(record.topic(), groupOf(exception)),
          FailureReason.of(exception));
      if (metrics != null) {
        metrics.deadLettered(groupOf(exception), record.topic(), exception);
      }
    }
  }

  static String groupOf(Exception exception) {
    // Spring wraps listener failures in ListenerExecutionFailedException, which knows the group.
    if (exception
            instanceof org.springframework.kafka.listener.ListenerExecutionFailedException failed
        && failed.getGroupId() != null) {
      return failed.getGroupId();
    }
    return "unknown";
  }
}
