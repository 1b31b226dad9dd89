package io.digitaltowns.backup.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.TopicPartition;

/** The records of one partition read since its last file, waiting to be written as the next one. */
final class PartitionBatch {

  private final TopicPartition partition;
  private final LocalDate date;
  private final Instant openedAt;
  private final List<ArchivedRecord> records = new ArrayList<>();
  private long bytes;

  PartitionBatch(TopicPartition partition, LocalDate date, Instant openedAt) {
    this.partition = partition;
    this.date = date;
    this.openedAt = openedAt;
  }

  /** The UTC day a record was written, which names the folder of its file. */
  static LocalDate dayOf(ArchivedRecord record) {
    return Instant.ofEpochMilli(Math.max(0, record.timestamp()))
        .atZone(ZoneOffset.UTC)
        .toLocalDate();
  }

  boolean accepts(ArchivedRecord record) {
    return dayOf(record).equals(date);
  }

  void add(ArchivedRecord record) {
    records.add(record);
    bytes += record.weight();
  }

  boolean due(ArchiveSettings settings, Instant now) {
    return records.size() >= settings.maxRecords()
        || bytes >= settings.maxBytes()
        || !openedAt.plus(settings.maxAge()).isAfter(now);
  }

  TopicPartition partition() {
    return partition;
  }

  List<ArchivedRecord> records() {
    return records;
  }

  long firstOffset() {
    return records.get(0).offset();
  }

  long lastOffset() {
    return records.get(records.size() - 1).offset();
  }

  ArchiveFileName fileName() {
    return new ArchiveFileName(
        partition.topic(), date, partition.partition(), firstOffset(), lastOffset());
  }
}
