package io.digitaltowns.infra.registry;

import io.digitaltowns.events.catalog.TopicCreator;
import io.digitaltowns.events.catalog.TopicDefinition;
import io.digitaltowns.events.catalog.TopicReplication;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The registry's durable state: the compacted {@code _schemas} topic. Every change is appended here
 * first and only becomes visible once read back, so any number of registry instances over the same
 * cluster agree on the state.
 */
final class SchemaLog implements AutoCloseable {

  static final String TOPIC = "_schemas";

  /**
   * Replicated like the system's topics: on a cluster the registry keeps working with a broker
   * down.
   */
  static TopicDefinition definition(TopicReplication replication) {
    return new TopicDefinition(
        TOPIC,
        1,
        replication.factor(),
        Map.of(
            "cleanup.policy",
            "compact",
            "min.insync.replicas",
            Integer.toString(replication.minInsyncReplicas())));
  }

  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

  private final KafkaProducer<String, String> producer;
  private final KafkaConsumer<String, String> consumer;

  SchemaLog(String bootstrapServers, TopicReplication replication) {
    TopicCreator.ensure(bootstrapServers, List.of(definition(replication)));
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG,
                "schema-registry-writer",
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                (int) TIMEOUT.toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                (int) TIMEOUT.toMillis(),
                ProducerConfig.LINGER_MS_CONFIG,
                0),
            new StringSerializer(),
            new StringSerializer());
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG,
                "schema-registry-reader",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                // A broker answers one request per connection at a time: a long-polling prefetch
                // would hold up the
                // next end-offset lookup, and so every registry request, for the whole wait.
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                10,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) TIMEOUT.toMillis()),
            new StringDeserializer(),
            new StringDeserializer());
    // No consumer group: every instance reads the whole log from the start.
    consumer.assign(List.of(PARTITION));
    consumer.seekToBeginning(List.of(PARTITION));
  }

  void append(SchemaLogEntry entry) {
    try {
      producer
          .send(new ProducerRecord<>(TOPIC, 0, entry.key(), entry.value()))
          .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw RegistryException.storeUnavailable(
          String.valueOf(e.getCause().getMessage()), e.getCause());
    } catch (TimeoutException e) {
      throw RegistryException.storeUnavailable("no acknowledgement within " + TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RegistryException.storeUnavailable("interrupted", e);
    }
  }

  /**
   * Hands every entry not seen yet to {@code apply}, up to the end of the log as of now. Not
   * thread-safe.
   */
  void readToEnd(Consumer<SchemaLogEntry> apply) {
    try {
      long end = consumer.endOffsets(List.of(PARTITION), TIMEOUT).get(PARTITION);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (consumer.position(PARTITION, TIMEOUT) < end) {
        if (System.nanoTime() > deadline) {
          throw RegistryException.storeUnavailable(
              "could not read " + TOPIC + " to offset " + end + " within " + TIMEOUT, null);
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          SchemaLogEntry.parse(record.key(), record.value()).ifPresent(apply);
        }
      }
    } catch (KafkaException e) {
      throw RegistryException.storeUnavailable(String.valueOf(e.getMessage()), e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
    consumer.close();
  }
}
