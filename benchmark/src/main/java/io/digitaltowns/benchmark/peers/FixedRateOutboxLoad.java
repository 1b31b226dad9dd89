package io.digitaltowns.benchmark.peers;

import io.digitaltowns.benchmark.Figures;
import io.digitaltowns.benchmark.LatencySummary;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Steady load on the outbox: one benchmark row per transaction at a fixed rate (open loop: each
 * insert has its intended time, and a few threads with their own sessions keep one slow commit from
 * delaying the next ones), while a consumer on the relay's topic notes when each aggregate id
 * arrives. Commit and arrival are both read from this JVM's monotonic clock, so commit→Kafka needs
 * no clock agreement.
 */
public final class FixedRateOutboxLoad {

  private static final int INSERT_THREADS = 4;

  private final PostgresLogin database;
  private final BenchOutboxRows rows;
  private final String bootstrapServers;
  private final boolean synchronousCommit;

  /**
   * Commits as production does (synchronous_commit=on in the load's sessions): see {@link
   * #FixedRateOutboxLoad(PostgresLogin, BenchOutboxRows, String, boolean)}.
   */
  public FixedRateOutboxLoad(
      PostgresLogin database, BenchOutboxRows rows, String bootstrapServers) {
    this(database, rows, bootstrapServers, true);
  }

  /**
   * The embedded Postgres runs with synchronous_commit=off (zonky's default) and
   * wal_writer_delay=200ms: a commit returns before its WAL is flushed, and walsenders only send
   * flushed WAL, so every relay would wait up to 200 ms for the WAL writer. With {@code
   * synchronousCommit} the load's sessions flush at commit, as on a production server.
   */
  public FixedRateOutboxLoad(
      PostgresLogin database,
      BenchOutboxRows rows,
      String bootstrapServers,
      boolean synchronousCommit) {
    this.database = database;
    this.rows = rows;
    this.bootstrapServers = bootstrapServers;
    this.synchronousCommit = synchronousCommit;
  }

  /**
   * Inserts {@code ratePerSecond × seconds} rows on schedule and waits (up to {@code settle}) for
   * them on {@code topic}. Returns the rate and counts, commitLagFromScheduleMs, commitToKafkaMs
   * (p50/p95/p99/max/mean), missingOnKafka, duplicatedOnKafka and otherRecordsOnTopic (records
   * whose key is none of ours).
   */
  public Map<String, Object> run(String topic, int ratePerSecond, int seconds, Duration settle)
      throws Exception {
    Map<String, Long> committedAt = new ConcurrentHashMap<>();
    Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
    Map<String, Integer> copies = new ConcurrentHashMap<>();
    ArrivalReader reader = new ArrivalReader(topic, arrivedAt, copies);
    reader.startAndAwaitPosition();
    try {
      return load(topic, ratePerSecond, seconds, settle, reader, committedAt, arrivedAt, copies);
    } finally {
      reader.stop();
    }
  }

  private Map<String, Object> load(
      String topic,
      int ratePerSecond,
      int seconds,
      Duration settle,
      ArrivalReader reader,
      Map<String, Long> committedAt,
      Map<String, Long> arrivedAt,
      Map<String, Integer> copies)
      throws Exception {
    AtomicLong otherRecords = new AtomicLong();
    LatencySummary commitLag = new LatencySummary();
    AtomicLong failures = new AtomicLong();
    AtomicReference<String> lastFailure = new AtomicReference<>();
    BlockingQueue<Inserter> inserters = new ArrayBlockingQueue<>(INSERT_THREADS);
    List<Inserter> opened = new ArrayList<>();
    ScheduledExecutorService scheduler =
        Executors.newScheduledThreadPool(
            INSERT_THREADS,
            r -> {
              Thread t = new Thread(r, "outbox-load");
              t.setDaemon(true);
              return t;
            });
    int total = ratePerSecond * seconds;
    long issuedNanos;
    try {
      for (int i = 0; i < INSERT_THREADS; i++) {
        Inserter inserter = new Inserter(database.connect());
        opened.add(inserter);
        inserters.add(inserter);
      }
      long periodNanos = 1_000_000_000L / ratePerSecond;
      long start = System.nanoTime() + 200_000_000L;
      CountDownLatch done = new CountDownLatch(total);
      for (int i = 0; i < total; i++) {
        long intended = start + i * periodNanos;
        scheduler.schedule(
            () -> {
              Inserter inserter = inserters.poll();
              try {
                UUID aggregate = UUID.randomUUID();
                inserter.insert(aggregate);
                long committed = System.nanoTime();
                committedAt.put(aggregate.toString(), committed);
                commitLag.record((committed - intended) / 1_000);
              } catch (Exception e) {
                failures.incrementAndGet();
                lastFailure.set(String.valueOf(e));
              } finally {
                inserters.add(inserter);
                done.countDown();
              }
            },
            intended - System.nanoTime(),
            TimeUnit.NANOSECONDS);
      }
      done.await(seconds + 120L, TimeUnit.SECONDS);
      issuedNanos = System.nanoTime() - start;
    } finally {
      scheduler.shutdownNow();
      for (Inserter inserter : opened) {
        inserter.close();
      }
    }

    long settleUntil = System.nanoTime() + settle.toNanos();
    while (System.nanoTime() < settleUntil
        && !arrivedAt.keySet().containsAll(committedAt.keySet())) {
      Thread.sleep(50);
    }
    Thread.sleep(3_000); // a duplicate would arrive about now
    reader.stop();

    LatencySummary toKafka = new LatencySummary();
    long missing = 0;
    long duplicated = 0;
    for (Map.Entry<String, Long> commit : committedAt.entrySet()) {
      Long arrived = arrivedAt.get(commit.getKey());
      if (arrived == null) {
        missing++;
        continue;
      }
      toKafka.record((arrived - commit.getValue()) / 1_000);
      if (copies.getOrDefault(commit.getKey(), 0) > 1) {
        duplicated++;
      }
    }
    for (String key : copies.keySet()) {
      if (!committedAt.containsKey(key)) {
        otherRecords.addAndGet(copies.get(key));
      }
    }

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("topic", topic);
    result.put("targetRatePerSecond", ratePerSecond);
    result.put("seconds", seconds);
    result.put("payloadBytes", rows.payloadBytes());
    result.put("insertThreads", INSERT_THREADS);
    result.put("synchronousCommit", synchronousCommit);
    result.put("rowsIssued", total);
    result.put("rowsCommitted", committedAt.size());
    result.put("insertFailures", failures.get());
    if (lastFailure.get() != null) {
      result.put(
          "lastFailure", lastFailure.get().substring(0, Math.min(300, lastFailure.get().length())));
    }
    result.put(
        "achievedCommitRatePerSecond", Figures.round(committedAt.size() / (issuedNanos / 1e9)));
    result.put("commitLagFromScheduleMs", commitLag.toMap());
    result.put("commitToKafkaMs", toKafka.toMap());
    result.put("missingOnKafka", missing);
    result.put("duplicatedOnKafka", duplicated);
    result.put("otherRecordsOnTopic", otherRecords.get() + reader.keylessRecords());
    if (reader.failure.get() != null) {
      result.put("readerError", String.valueOf(reader.failure.get()));
    }
    return result;
  }

  /** One session with its prepared INSERT; autocommit, so each insert is its own transaction. */
  private final class Inserter implements AutoCloseable {
    private final Connection connection;
    private final PreparedStatement insert;

    Inserter(Connection connection) throws Exception {
      this.connection = connection;
      connection.setAutoCommit(true);
      try (var s = connection.createStatement()) {
        s.execute("SET synchronous_commit = " + (synchronousCommit ? "on" : "off"));
      }
      this.insert = connection.prepareStatement(BenchOutboxRows.INSERT_SQL);
    }

    void insert(UUID aggregate) throws Exception {
      rows.bind(insert, aggregate);
      insert.executeUpdate();
    }

    @Override
    public void close() {
      try {
        connection.close();
      } catch (Exception e) {
        // the load is over; nothing is left to lose
      }
    }
  }

  /**
   * Reads the topic from its end offsets as they were before the load, noting each key's first
   * arrival.
   */
  private final class ArrivalReader {
    private final String topic;
    private final Map<String, Long> arrivedAt;
    private final Map<String, Integer> copies;
    private final AtomicBoolean reading = new AtomicBoolean(true);
    private final AtomicLong keyless = new AtomicLong();
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private Thread thread;

    ArrivalReader(String topic, Map<String, Long> arrivedAt, Map<String, Integer> copies) {
      this.topic = topic;
      this.arrivedAt = arrivedAt;
      this.copies = copies;
    }

    void startAndAwaitPosition() throws InterruptedException {
      thread = new Thread(this::read, "outbox-load-reader");
      thread.setDaemon(true);
      thread.start();
      if (!positioned.await(60, TimeUnit.SECONDS) || failure.get() != null) {
        reading.set(false);
        throw new IllegalStateException("cannot read " + topic, failure.get());
      }
    }

    private void read() {
      java.util.Properties p = new java.util.Properties();
      p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
      p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
      try (KafkaConsumer<byte[], byte[]> consumer =
          new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        List<TopicPartition> partitions = TopicEndOffsets.partitions(consumer, topic);
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        positioned.countDown();
        while (reading.get()) {
          var records = consumer.poll(Duration.ofMillis(50));
          long now = System.nanoTime();
          for (ConsumerRecord<byte[], byte[]> record : records) {
            if (record.key() == null) {
              keyless.incrementAndGet();
              continue;
            }
            String key = new String(record.key(), StandardCharsets.UTF_8);
            arrivedAt.putIfAbsent(key, now);
            copies.merge(key, 1, Integer::sum);
          }
        }
      } catch (Throwable e) {
        failure.set(e);
        positioned.countDown();
      }
    }

    long keylessRecords() {
      return keyless.get();
    }

    /**
     * Idempotent: the load stops the reader before counting, and again (doing nothing) on the way
     * out.
     */
    void stop() throws InterruptedException {
      reading.set(false);
      thread.join(10_000);
    }
  }
}
