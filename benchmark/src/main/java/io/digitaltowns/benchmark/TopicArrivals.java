package io.digitaltowns.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic from its end offsets at the time of creation and records when each key first
 * arrived and how many copies of it came, so that "none lost, none twice" is counted rather than
 * assumed.
 */
public final class TopicArrivals implements AutoCloseable {

  private final Map<String, Instant> firstArrival = new ConcurrentHashMap<>();
  private final Map<String, Integer> copies = new ConcurrentHashMap<>();
  private final AtomicBoolean reading = new AtomicBoolean(true);
  private final Thread reader;

  private TopicArrivals(String bootstrapServers, String topic) throws InterruptedException {
    CountDownLatch positioned = new CountDownLatch(1);
    reader = new Thread(() -> read(bootstrapServers, topic, positioned), "bench-arrivals-" + topic);
    reader.setDaemon(true);
    reader.start();
    positioned.await();
  }

  public static TopicArrivals fromEnd(String bootstrapServers, String topic)
      throws InterruptedException {
    return new TopicArrivals(bootstrapServers, topic);
  }

  private void read(String bootstrapServers, String topic, CountDownLatch positioned) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // the relay's records are not transactional; without a short wait a quiet fetch holds a record
    // back 500 ms
    p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
        partitions.add(new TopicPartition(topic, info.partition()));
      }
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      positioned.countDown();
      while (reading.get()) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
          Instant now = Instant.now();
          if (record.key() != null) {
            String key = new String(record.key());
            firstArrival.putIfAbsent(key, now);
            copies.merge(key, 1, Integer::sum);
          }
        }
      }
    } finally {
      positioned.countDown();
    }
  }

  public Instant firstArrival(String key) {
    return firstArrival.get(key);
  }

  public int copies(String key) {
    return copies.getOrDefault(key, 0);
  }

  public boolean hasAll(Iterable<String> keys) {
    for (String key : keys) {
      if (!firstArrival.containsKey(key)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() throws InterruptedException {
    reading.set(false);
    reader.join(5_000);
  }
}
