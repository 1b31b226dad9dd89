package io.digitaltowns.benchmark.peers;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * An idempotent producer that starts on a partition whose leader is still being elected gets
 * NOT_LEADER, then loops on OUT_OF_ORDER_SEQUENCE_NUMBER (seen on the embedded broker, see
 * Benchmark.awaitLeaders): wait for the leaders, and write one empty, keyless record to each
 * partition with a plain producer before the peer's producer starts.
 */
public final class PartitionLeaders {

  private PartitionLeaders() {}

  public static void awaitAndPrime(String bootstrapServers, String topic) throws Exception {
    try (KafkaConsumer<byte[], byte[]> c = TopicEndOffsets.byteConsumer(bootstrapServers)) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline) {
        List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(10));
        if (!infos.isEmpty()
            && infos.stream().allMatch(i -> i.leader() != null && i.leader().id() >= 0)) {
          break;
        }
        Thread.sleep(200);
      }
    }
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
    try (KafkaProducer<byte[], byte[]> primer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (PartitionInfo info : primer.partitionsFor(topic)) {
        primer
            .send(new ProducerRecord<>(topic, info.partition(), null, new byte[0]))
            .get(30, TimeUnit.SECONDS);
      }
    }
  }
}
