package io.digitaltowns.consumers.events;

import io.digitaltowns.events.wire.UndecodableEventException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Every consumer retries with exponential backoff, then dead-letters to
 * {@code <topic>.<group>.dlt} with the failure in the record headers and moves on. Poison records
 * (undecodable) and permanent failures skip the retries. Each dead letter is counted in
 * {@code dt.consumer.deadlettered} ({@link ConsumerMetrics}).
 */
@Configuration
class ConsumerErrorHandling {

  @Bean
  DefaultErrorHandler consumerErrorHandler(KafkaTemplate<byte[], byte[]> template, ConsumerRetryProperties retry,
                                          ObjectProvider<ConsumerMetrics> metrics) {
    DeadLetterPublishingRecoverer deadLetters = new CountingDeadLetters(template, metrics.getIfAvailable());
    ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), 2.0);
    backOff.setMaxInterval(retry.maxInterval().toMillis());
    backOff.setMaxElapsedTime(retry.maxElapsed().toMillis());
    DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
    handler.addNotRetryableExceptions(UndecodableEventException.class, PermanentFailureException.class);
    return handler;
  }

  /** Publishes to {@code <topic>.<group>.dlt}; counts the record once it is sent. */
  static class CountingDeadLetters extends DeadLetterPublishingRecoverer {

    private final ConsumerMetrics metrics;

    CountingDeadLetters(KafkaTemplate<byte[], byte[]> template, ConsumerMetrics metrics) {
      super(template, (record, exception) -> new TopicPartition(DeadLetterTopics.of(record.topic(), groupOf(exception)), -1));
      this.metrics = metrics;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
      super.accept(record, consumer, exception); // throws when the dead letter could not be sent
      if (metrics != null) {
        metrics.deadLettered(groupOf(exception), record.topic(), exception);
      }
    }
  }

  static String groupOf(Exception exception) {
    // Spring wraps listener failures in ListenerExecutionFailedException, which knows the group.
    if (exception instanceof org.springframework.kafka.listener.ListenerExecutionFailedException failed
        && failed.getGroupId() != null) {
      return failed.getGroupId();
    }
    return "unknown";
  }
}
