package io.digitaltowns.consumers.events;

import io.digitaltowns.events.wire.UndecodableEventException;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Every consumer retries with exponential backoff, then dead-letters to
 * {@code <topic>.<group>.dlt} with the failure in the record headers and moves on. Poison records
 * (undecodable) and permanent failures skip the retries.
 */
@Configuration
class ConsumerErrorHandling {

  @Bean
  DefaultErrorHandler consumerErrorHandler(KafkaTemplate<byte[], byte[]> template, ConsumerRetryProperties retry) {
    DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
        (record, exception) -> new TopicPartition(DeadLetterTopics.of(record.topic(), groupOf(exception)), -1));
    ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), 2.0);
    backOff.setMaxInterval(retry.maxInterval().toMillis());
    backOff.setMaxElapsedTime(retry.maxElapsed().toMillis());
    DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
    handler.addNotRetryableExceptions(UndecodableEventException.class, PermanentFailureException.class);
    return handler;
  }

  private static String groupOf(Exception exception) {
    // Spring wraps listener failures in ListenerExecutionFailedException, which knows the group.
    if (exception instanceof org.springframework.kafka.listener.ListenerExecutionFailedException failed
        && failed.getGroupId() != null) {
      return failed.getGroupId();
    }
    return "unknown";
  }
}
