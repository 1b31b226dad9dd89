package io.digitaltowns.ops.dlt;

import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

final class DltRecords {

  private DltRecords() {
  }

  /** The record at exactly this offset; fails if there is none (never written, or deleted by retention or purge). */
  static DeadLetter at(Consumer<byte[], byte[]> consumer, TopicPartition partition, long offset) throws Exception {
    ConsumerRecord<byte[], byte[]>[] found = new ConsumerRecord[1];
    DltReader.read(consumer, Map.of(partition, offset), (tp, records) -> {
      found[0] = records.get(0);
      return false;
    });
    if (found[0] == null || found[0].offset() != offset) {
      throw new IllegalArgumentException("no record at " + partition.topic() + " " + partition.partition() + ":" + offset
          + (found[0] == null ? "" : " (the next one is at offset " + found[0].offset() + ")"));
    }
    return new DeadLetter(found[0]);
  }
}
