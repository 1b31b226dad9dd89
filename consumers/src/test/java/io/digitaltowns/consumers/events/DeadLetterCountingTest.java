package io.digitaltowns.consumers.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.SendResult;

/** A record the error handler gives up on goes to {@code <topic>.<group>.dlt} and is counted. */
class DeadLetterCountingTest {

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void a_dead_lettered_record_is_counted_per_group_topic_and_failure() {
    KafkaTemplate<byte[], byte[]> template = mock(KafkaTemplate.class, RETURNS_DEEP_STUBS);
    when(template.isTransactional()).thenReturn(false);
    when(template.send(any(ProducerRecord.class)))
        .thenAnswer(
            call -> {
              ProducerRecord<byte[], byte[]> sent = call.getArgument(0);
              return CompletableFuture.completedFuture(
                  new SendResult<>(
                      sent,
                      new RecordMetadata(new TopicPartition(sent.topic(), 0), 0L, 0, 0L, 0, 0)));
            });
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    var recoverer =
        new ConsumerErrorHandling.CountingDeadLetters(template, new ConsumerMetrics(registry));
    ConsumerRecord<byte[], byte[]> poison =
        new ConsumerRecord<>("dt.accounts.events", 2, 42L, new byte[0], new byte[] {1});

    recoverer.accept(
        poison,
        null,
        new ListenerExecutionFailedException(
            "listener failed", "email", new PermanentFailureException("refused", null)));

    ArgumentCaptor<ProducerRecord> sent = ArgumentCaptor.forClass(ProducerRecord.class);
    verify(template).send(sent.capture());
    assertThat(sent.getValue().topic())
        .isEqualTo(DeadLetterTopics.of("dt.accounts.events", "email"));
    assertThat(
            registry
                .get(ConsumerMetrics.DEAD_LETTERED)
                .tags(
                    "group",
                    "email",
                    "topic",
                    "dt.accounts.events",
                    "exception",
                    "PermanentFailureException")
                .counter()
                .count())
        .isEqualTo(1);
  }
}
