package io.digitaltowns.platform.deadletters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads dead-letter partitions from given offsets up to their end as it was when reading began,
 * with an assigned (not subscribed) consumer: reading never joins or disturbs a consumer group.
 */
public final class DeadLetterReader {

  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration STALL = Duration.ofSeconds(30);

  /**
   * Gets the records of one partition, in offset order, a poll at a time; returns false to stop
   * reading.
   */
  public interface Batches {
    boolean accept(TopicPartition partition, List<ConsumerRecord<byte[], byte[]>> records)
        throws Exception;
  }

  private DeadLetterReader() {}

  public static List<TopicPartition> partitions(Consumer<?, ?> consumer, String topic) {
    List<PartitionInfo> partitions = consumer.partitionsFor(topic);
    if (partitions == null || partitions.isEmpty()) {
      throw new NoSuchDeadLetterException("no such topic: " + topic);
    }
    return partitions.stream()
        .map(info -> new TopicPartition(info.topic(), info.partition()))
        .sorted(Comparator.comparingInt(TopicPartition::partition))
        .toList();
  }

  public static TopicPartition partition(Consumer<?, ?> consumer, String topic, int partition) {
    return partitions(consumer, topic).stream()
        .filter(tp -> tp.partition() == partition)
        .findFirst()
        .orElseThrow(() -> new NoSuchDeadLetterException(topic + " has no partition " + partition));
  }

  /** Reads each partition from its start offset (or its beginning, if later) to the current end. */
  public static void read(
      Consumer<byte[], byte[]> consumer, Map<TopicPartition, Long> from, Batches batches)
      throws Exception {
    read(consumer, from, Long.MAX_VALUE, batches);
  }

  /**
   * Reads each partition from its start offset (or its beginning, if later) to the current end, but
   * at most {@code perPartition} offsets of each: a look at the oldest records of a long
   * dead-letter topic stays short.
   */
  public static void read(
      Consumer<byte[], byte[]> consumer,
      Map<TopicPartition, Long> from,
      long perPartition,
      Batches batches)
      throws Exception {
    consumer.assign(from.keySet());
    Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(from.keySet());
    Map<TopicPartition, Long> ends = consumer.endOffsets(from.keySet());
    Map<TopicPartition, Long> remaining = new HashMap<>();
    for (Map.Entry<TopicPartition, Long> start : from.entrySet()) {
      long position = Math.max(start.getValue(), beginnings.get(start.getKey()));
      long end = ends.get(start.getKey());
      if (position < end) {
        consumer.seek(start.getKey(), position);
        remaining.put(
            start.getKey(), end - position > perPartition ? position + perPartition : end);
      }
    }
    consumer.pause(difference(from.keySet(), remaining.keySet()));
    long lastProgress = System.nanoTime();
    while (!remaining.isEmpty()) {
      ConsumerRecords<byte[], byte[]> polled = consumer.poll(POLL);
      if (!polled.isEmpty()) {
        lastProgress = System.nanoTime();
      }
      for (TopicPartition partition : polled.partitions()) {
        Long end = remaining.get(partition);
        if (end == null) {
          continue;
        }
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : polled.records(partition)) {
          if (record.offset() < end) {
            records.add(record);
          }
        }
        if (!records.isEmpty() && !batches.accept(partition, records)) {
          return;
        }
      }
      for (TopicPartition partition : List.copyOf(remaining.keySet())) {
        if (consumer.position(partition) >= remaining.get(partition)) {
          remaining.remove(partition);
          consumer.pause(Set.of(partition));
        }
      }
      if (Duration.ofNanos(System.nanoTime() - lastProgress).compareTo(STALL) > 0) {
        throw new IllegalStateException(
            "no records from "
                + remaining.keySet()
                + " for "
                + STALL.toSeconds()
                + " s although the partitions are not read to their end");
      }
    }
  }

  /**
   * The record at exactly this offset; fails if there is none (never written, or deleted by
   * retention or purge).
   */
  public static DeadLetter at(
      Consumer<byte[], byte[]> consumer, TopicPartition partition, long offset) throws Exception {
    List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>(1);
    read(
        consumer,
        Map.of(partition, offset),
        (tp, records) -> {
          found.add(records.get(0));
          return false;
        });
    if (found.isEmpty() || found.get(0).offset() != offset) {
      throw new NoSuchDeadLetterException(
          "no record at "
              + partition.topic()
              + " "
              + partition.partition()
              + ":"
              + offset
              + (found.isEmpty()
                  ? ""
                  : " (the next one is at offset " + found.get(0).offset() + ")"));
    }
    return new DeadLetter(found.get(0));
  }

  private static Set<TopicPartition> difference(
      Set<TopicPartition> all, Set<TopicPartition> minus) {
    return all.stream().filter(partition -> !minus.contains(partition)).collect(Collectors.toSet());
  }
}
