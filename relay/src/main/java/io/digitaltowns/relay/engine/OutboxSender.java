package io.digitaltowns.relay.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends one batch of outbox records and returns only once Kafka acknowledged all of them (acks=all,
 * idempotent producer, so records of one key keep their order); counts them and their commit→Kafka
 * latency. Both relay modes confirm a batch (Debezium's offset, the polling relay's delete) only
 * after this returned.
 */
public final class OutboxSender {

  private final Producer<byte[], byte[]> producer;
  private final RelayMetrics metrics;

  public OutboxSender(Producer<byte[], byte[]> producer, RelayMetrics metrics) {
    this.producer = producer;
    this.metrics = metrics;
  }

  /**
   * @throws RelayFailedException when Kafka refused or did not acknowledge a record in time
   */
  public void sendAll(List<OutboxEvent> batch) throws InterruptedException {
    List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
    for (OutboxEvent event : batch) {
      sends.add(producer.send(event.toKafka()));
    }
    for (Future<RecordMetadata> send : sends) {
      try {
        send.get();
      } catch (ExecutionException e) {
        throw new RelayFailedException("Kafka did not acknowledge an outbox event", e.getCause());
      }
    }
    metrics.relayed(sends.size());
    Instant acknowledged = Instant.now();
    for (OutboxEvent event : batch) {
      if (event.occurredAt() != null) {
        metrics.latency(Duration.between(event.occurredAt(), acknowledged));
      }
    }
  }
}
