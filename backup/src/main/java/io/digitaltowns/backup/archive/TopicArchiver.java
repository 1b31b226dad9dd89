package io.digitaltowns.backup.archive;

import io.digitaltowns.backup.store.BackupStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Archives topics to the backup bucket: reads them with its own consumer group, gathers each
 * partition's records into files ({@link ArchiveFileName}, {@link ArchiveFiles}) and commits a
 * partition's offsets only after its file is in the bucket. A crash loses nothing (the records
 * after the last commit are read again); a failed upload pauses the consumer, rewinds it to the
 * first record not uploaded and tries again later, so the archive has no gap. Single-threaded, like
 * the Kafka consumer it owns: call {@link #run()} on one thread and {@link #stop()} from any other.
 */
public final class TopicArchiver implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(TopicArchiver.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private final Consumer<byte[], byte[]> consumer;
  private final BackupStore store;
  private final ArchiveSettings settings;
  private final Clock clock;

  /**
   * Per partition, the batches not uploaded yet, oldest first; only the last one still takes
   * records.
   */
  private final Map<TopicPartition, Deque<PartitionBatch>> pending = new HashMap<>();

  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running = true;
  private Instant resumeAt;
  private Duration backoff;
  private volatile ArchiverStatus status = new ArchiverStatus(null, 0, 0, 0, null);

  public TopicArchiver(
      Consumer<byte[], byte[]> consumer, BackupStore store, ArchiveSettings settings, Clock clock) {
    this.consumer = consumer;
    this.store = store;
    this.settings = settings;
    this.clock = clock;
    this.backoff = settings.retryBackoff();
  }

  @Override
  public void run() {
    try {
      consumer.subscribe(settings.subscription(), new Rebalance());
      while (running) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          add(record);
        }
        Instant now = clock.instant();
        if (resumeAt != null && !now.isBefore(resumeAt)) {
          resumeAt = null;
          consumer.resume(consumer.paused());
        }
        if (resumeAt == null) {
          flush(false);
        }
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } finally {
      try {
        if (resumeAt == null) {
          // on a clean stop, what was read is archived now rather than read again by the next start
          flush(true);
        }
      } catch (RuntimeException e) {
        log.warn(
            "archive: final upload before stopping failed; the records will be read again on the next start",
            e);
      } finally {
        consumer.close();
        stopped.countDown();
      }
    }
  }

  /**
   * Asks the loop to end (it uploads what it holds if it can) and waits up to {@code timeout} for
   * it.
   */
  public boolean stop(Duration timeout) throws InterruptedException {
    running = false;
    consumer.wakeup();
    return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public ArchiverStatus status() {
    return status;
  }

  private void add(ConsumerRecord<byte[], byte[]> consumed) {
    TopicPartition partition = new TopicPartition(consumed.topic(), consumed.partition());
    List<ArchivedRecord.Header> headers = new ArrayList<>();
    for (Header header : consumed.headers()) {
      headers.add(new ArchivedRecord.Header(header.key(), header.value()));
    }
    ArchivedRecord record =
        new ArchivedRecord(
            consumed.partition(),
            consumed.offset(),
            consumed.timestamp(),
            consumed.timestampType().name,
            consumed.key(),
            consumed.value(),
            headers);
    Deque<PartitionBatch> batches =
        pending.computeIfAbsent(partition, ignored -> new ArrayDeque<>());
    PartitionBatch current = batches.peekLast();
    if (current == null
        || !current.accepts(record)
        || current.records().size() >= settings.maxRecords()) {
      // a new day starts a new file: every file lies in the folder of the day its records were
      // written
      current = new PartitionBatch(partition, PartitionBatch.dayOf(record), clock.instant());
      batches.addLast(current);
    }
    current.add(record);
  }

  /**
   * Uploads the files that are due (all of them when {@code everything}), then commits what was
   * uploaded.
   */
  private void flush(boolean everything) {
    Instant now = clock.instant();
    Map<TopicPartition, OffsetAndMetadata> uploaded = new LinkedHashMap<>();
    try {
      for (Map.Entry<TopicPartition, Deque<PartitionBatch>> entry : pending.entrySet()) {
        Deque<PartitionBatch> batches = entry.getValue();
        while (!batches.isEmpty()) {
          PartitionBatch batch = batches.peekFirst();
          boolean closed = batches.size() > 1;
          if (!everything && !closed && !batch.due(settings, now)) {
            break;
          }
          upload(batch);
          batches.removeFirst();
          uploaded.put(entry.getKey(), new OffsetAndMetadata(batch.lastOffset() + 1));
        }
      }
    } catch (RuntimeException | IOException e) {
      commit(uploaded);
      rewind(e);
      return;
    }
    commit(uploaded);
    pending.values().removeIf(Deque::isEmpty);
  }

  private void upload(PartitionBatch batch) throws IOException {
    ArchiveFileName name = batch.fileName();
    Path file = Files.createTempFile("archive-", ".jsonl.gz");
    try {
      ArchiveFiles.write(batch.records(), file);
      store.upload(name.key(), file);
    } finally {
      Files.deleteIfExists(file);
    }
    ArchiverStatus before = status;
    status =
        new ArchiverStatus(
            clock.instant(),
            before.filesUploaded() + 1,
            before.recordsArchived() + batch.records().size(),
            0,
            null);
    backoff = settings.retryBackoff();
    log.debug("archive: uploaded {} ({} records)", name.key(), batch.records().size());
  }

  private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    if (offsets.isEmpty()) {
      return;
    }
    try {
      consumer.commitSync(offsets);
    } catch (CommitFailedException | RebalanceInProgressException e) {
      // the partitions moved on: their next owner reads these records again and writes them under
      // the same or
      // an overlapping name, which restores produce once
      log.warn(
          "archive: commit after upload refused by a rebalance, the records will be archived again: {}",
          e.getMessage());
    }
  }

  /** After a failed upload: forget what is not uploaded, read it again once the backoff is over. */
  private void rewind(Exception failure) {
    for (Iterator<Map.Entry<TopicPartition, Deque<PartitionBatch>>> it =
            pending.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<TopicPartition, Deque<PartitionBatch>> entry = it.next();
      if (!entry.getValue().isEmpty()) {
        consumer.seek(entry.getKey(), entry.getValue().peekFirst().firstOffset());
      }
      it.remove();
    }
    consumer.pause(consumer.assignment());
    resumeAt = clock.instant().plus(backoff);
    ArchiverStatus before = status;
    status =
        new ArchiverStatus(
            before.lastUpload(),
            before.filesUploaded(),
            before.recordsArchived(),
            before.consecutiveFailures() + 1,
            failure.getClass().getSimpleName() + ": " + failure.getMessage());
    log.warn(
        "archive: upload to {} failed ({} in a row), offsets not committed; trying again in {}: {}",
        store.settings().describe(),
        status.consecutiveFailures(),
        backoff,
        status.lastFailure());
    backoff =
        backoff.multipliedBy(2).compareTo(settings.maxRetryBackoff()) > 0
            ? settings.maxRetryBackoff()
            : backoff.multipliedBy(2);
  }

  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      // not uploaded, not committed: the partition's next owner reads these records again
      partitions.forEach(pending::remove);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (resumeAt != null) {
        consumer.pause(partitions);
      }
    }
  }
}
