package io.digitaltowns.stack.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The event ids on the domain topics, per record key (the aggregate) in offset order, read from the
 * beginning and then incrementally, as an analyst's tool would (a throwaway group, no offsets
 * committed). A broker that is down only makes a read come back empty.
 */
final class RelayedEvents implements AutoCloseable {

  private final String bootstrapServers;
  private final List<String> topics;
  private final Map<String, List<String>> eventIdsByKey = new HashMap<>();
  private KafkaConsumer<byte[], byte[]> consumer;

  RelayedEvents(String bootstrapServers, List<String> topics) {
    this.bootstrapServers = bootstrapServers;
    this.topics = topics;
  }

  /** Reads what is new; safe to call while brokers are failing. */
  void catchUp() {
    try {
      if (consumer == null) {
        consumer =
            new KafkaConsumer<>(
                Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrapServers,
                    ConsumerConfig.GROUP_ID_CONFIG,
                    "fault-checker-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                    "earliest",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                    false,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                    "read_committed"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
          consumer
              .partitionsFor(topic, Duration.ofSeconds(5))
              .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
      }
      for (int i = 0; i < 20; i++) {
        var records = consumer.poll(Duration.ofMillis(200));
        if (records.isEmpty()) {
          return;
        }
        records.forEach(this::add);
      }
    } catch (RuntimeException brokersFailing) {
      if (consumer != null && consumer.assignment().isEmpty()) {
        consumer.close(Duration.ZERO);
        consumer = null;
      }
    }
  }

  private void add(ConsumerRecord<byte[], byte[]> record) {
    Header eventId = record.headers().lastHeader("eventId");
    if (record.key() == null || eventId == null) {
      return;
    }
    eventIdsByKey
        .computeIfAbsent(new String(record.key(), StandardCharsets.UTF_8), key -> new ArrayList<>())
        .add(new String(eventId.value(), StandardCharsets.UTF_8));
  }

  /**
   * Every record of this aggregate so far, in offset order (a record the relay sent twice is there
   * twice).
   */
  List<String> of(String aggregate) {
    return eventIdsByKey.getOrDefault(aggregate, List.of());
  }

  @Override
  public void close() {
    if (consumer != null) {
      consumer.close(Duration.ofSeconds(2));
    }
  }
}
