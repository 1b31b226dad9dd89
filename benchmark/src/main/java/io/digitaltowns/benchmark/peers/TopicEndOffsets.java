package io.digitaltowns.benchmark.peers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The summed end offsets of one topic. The producers measured are idempotent but not transactional,
 * so no transaction markers take offsets: the sum grows by exactly one per record.
 */
final class TopicEndOffsets implements AutoCloseable {

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final List<TopicPartition> partitions;

  TopicEndOffsets(String bootstrapServers, String topic) {
    this.consumer = byteConsumer(bootstrapServers);
    this.partitions = partitions(consumer, topic);
  }

  long sum() {
    return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }

  static KafkaConsumer<byte[], byte[]> byteConsumer(String bootstrapServers) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
    List<TopicPartition> result = new ArrayList<>();
    for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
      result.add(new TopicPartition(topic, info.partition()));
    }
    if (result.isEmpty()) {
      throw new IllegalStateException("topic " + topic + " has no partitions (does it exist?)");
    }
    return result;
  }
}
