package io.digitaltowns.benchmark.peers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Times a peer draining a backlog to its topic: calls the start action on its own thread (a peer may produce before
 * its start call returns) and polls the topic's summed end offsets every 20 ms until {@code backlog} more records
 * are there. Rates are given from the start call and from the first record, like the relay's drain in Benchmark.
 */
public final class BacklogDrain {

  /** Starts the peer; returns once it is up. */
  public interface StartAction {
    void start() throws Exception;
  }

  private BacklogDrain() {
  }

  public static Map<String, Object> measure(String bootstrapServers, String topic, long backlog, StartAction start,
                                            Duration timeout) throws Exception {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    Map<String, Object> result = new LinkedHashMap<>();
    try (KafkaConsumer<byte[], byte[]> offsets = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo info : offsets.partitionsFor(topic, Duration.ofSeconds(30))) {
        partitions.add(new TopicPartition(topic, info.partition()));
      }
      long before = sum(offsets.endOffsets(partitions));
      long target = before + backlog;
      long t0 = System.nanoTime();
      long[] startReturned = {0};
      CompletableFuture<Void> starting = CompletableFuture.runAsync(() -> {
        try {
          start.start();
          startReturned[0] = System.nanoTime();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      long first = 0;
      long last;
      long end;
      long deadline = t0 + timeout.toNanos();
      while (true) {
        end = sum(offsets.endOffsets(partitions));
        long now = System.nanoTime();
        if (first == 0 && end > before) {
          first = now;
        }
        if (end >= target) {
          last = now;
          break;
        }
        if (starting.isCompletedExceptionally()) {
          starting.join(); // throws the start's failure
        }
        if (now > deadline) {
          result.put("drainError", "only " + (end - before) + " of " + backlog + " records on Kafka after " + timeout);
          last = now;
          break;
        }
        Thread.sleep(20);
      }
      starting.join();
      result.put("backlog", backlog);
      result.put("recordsOnKafka", end - before);
      result.put("startCallSeconds", seconds(startReturned[0] - t0));
      result.put("firstRecordAfterSeconds", first == 0 ? null : seconds(first - t0));
      result.put("secondsFromStartCall", seconds(last - t0));
      result.put("secondsFromFirstRecord", first == 0 ? null : seconds(last - first));
      result.put("eventsPerSecondIncludingStartup", rate(backlog, last - t0));
      result.put("eventsPerSecondFromFirstRecord", first == 0 ? null : rate(backlog, last - first));
    }
    return result;
  }

  private static long sum(Map<TopicPartition, Long> offsets) {
    return offsets.values().stream().mapToLong(Long::longValue).sum();
  }

  private static double seconds(long nanos) {
    return Math.round(nanos / 1e7) / 100.0;
  }

  private static double rate(long count, long nanos) {
    return Math.round(count / (nanos / 1e9));
  }
}
