package io.digitaltowns.consumers.backup;

import io.digitaltowns.backup.archive.ArchiverStatus;
import io.digitaltowns.backup.archive.TopicArchiver;
import io.digitaltowns.backup.store.BackupStore;
import io.digitaltowns.events.catalog.ConsumerGroup;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@code backup} consumer group's {@link TopicArchiver} on its own thread for as long as
 * the application runs. A plain Kafka consumer rather than a listener container: the archiver
 * decides itself when to commit (after each upload), when to rewind and when to pause.
 */
class TopicArchiveRunner implements SmartLifecycle {

  static final String GROUP = ConsumerGroup.Names.BACKUP;
  private static final Logger log = LoggerFactory.getLogger(TopicArchiveRunner.class);
  private static final Duration RESTART_PAUSE = Duration.ofSeconds(10);

  private final BackupStore store;
  private final BackupProperties.Archive settings;
  private final Map<String, Object> kafka;

  private volatile boolean running;
  private volatile TopicArchiver archiver;
  private Thread thread;

  TopicArchiveRunner(
      BackupStore store, BackupProperties.Archive settings, Map<String, Object> kafka) {
    this.store = store;
    this.settings = settings;
    this.kafka = kafka;
  }

  @Override
  public synchronized void start() {
    running = true;
    thread = new Thread(this::archiveUntilStopped, "backup-archiver");
    // not a daemon: with only this group on, it is what keeps the process running, like a listener
    // container
    thread.setDaemon(false);
    thread.start();
    log.info(
        "backup group archiving topics {} (not {}) to {}",
        settings.topics(),
        settings.excludedTopics(),
        store.settings().describe());
  }

  /**
   * Runs the archiver; one that fails unexpectedly is replaced by a new one (new consumer) after a
   * pause.
   */
  private void archiveUntilStopped() {
    try {
      store.ensureBucket();
    } catch (RuntimeException e) {
      // not fatal: the uploads say whether the bucket is there, and retry until it is
      log.warn(
          "backup: cannot check or create the bucket {}: {}",
          store.settings().describe(),
          e.toString());
    }
    while (running) {
      TopicArchiver current =
          new TopicArchiver(
              new KafkaConsumer<>(consumerConfig()), store, settings.settings(), Clock.systemUTC());
      archiver = current;
      if (!running) {
        // stopped while this one was being made: let it close its consumer at once
        try {
          current.stop(Duration.ZERO);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      try {
        current.run();
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        log.error("backup archiver failed; a new one starts in {}", RESTART_PAUSE, e);
        try {
          Thread.sleep(RESTART_PAUSE.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private Map<String, Object> consumerConfig() {
    Map<String, Object> config = new HashMap<>(kafka);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "digitaltowns-backup");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // committed transactions only: an aborted outbox batch is not an event
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) settings.metadataMaxAge().toMillis());
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return config;
  }

  @Override
  public synchronized void stop() {
    if (!running) {
      return;
    }
    running = false;
    try {
      TopicArchiver current = archiver;
      if (current != null && !current.stop(Duration.ofSeconds(30))) {
        log.warn("backup archiver did not stop within 30 s");
      }
      thread.interrupt();
      thread.join(Duration.ofSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  ArchiverStatus status() {
    TopicArchiver current = archiver;
    return current == null ? null : current.status();
  }

  boolean alive() {
    return thread != null && thread.isAlive();
  }
}
