package io.digitaltowns.benchmark.peers;

import io.digitaltowns.events.catalog.TopicCreator;
import io.digitaltowns.events.catalog.TopicDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Peer (a) of the relay benchmark: what a team would deploy instead of our relay, a Kafka Connect
 * standalone worker running the same Debezium PostgreSQL connector and Outbox Event Router, in its
 * own JVM from the same jars. It reads the outbox through its own slot {@value #SLOT} and writes to
 * {@value #TOPIC}, so it can run beside the relay's slot without taking anything from it.
 */
public final class KafkaConnectPeer implements AutoCloseable {

  public static final String SLOT = "peer_connect";
  public static final String TOPIC = "peer.connect.bench.events";
  static final String TOPIC_PREFIX = "peer_connect";
  private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);

  private final PostgresLogin database;
  private final Path workDir;
  private final PeerJvm jvm = new PeerJvm("Kafka Connect peer");

  private KafkaConnectPeer(PostgresLogin database, Path workDir) {
    this.database = database;
    this.workDir = workDir;
  }

  /**
   * Creates the slot now (so the peer will see every row committed from here on), the topic with
   * the partitions of dt.bench.events, and the worker's and connector's settings in {@code
   * workDir}.
   */
  public static KafkaConnectPeer prepare(
      String jdbcUrl, String user, String password, String bootstrapServers, Path workDir)
      throws Exception {
    PostgresLogin database = new PostgresLogin(jdbcUrl, user, password);
    Files.createDirectories(workDir);
    // a new slot: offsets or a log of an earlier peer would only mislead
    Files.deleteIfExists(workDir.resolve("connect.offsets"));
    Files.deleteIfExists(workDir.resolve("connect.log"));
    createSlot(database);
    TopicCreator.ensure(
        bootstrapServers,
        List.of(new TopicDefinition(TOPIC, 3, (short) 1, Map.of("min.insync.replicas", "1"))));
    PartitionLeaders.awaitAndPrime(bootstrapServers, TOPIC);
    ConnectPeerSettings settings = new ConnectPeerSettings(database, bootstrapServers, workDir);
    settings.write();
    return new KafkaConnectPeer(database, workDir);
  }

  /**
   * Launches the worker JVM and returns at once; its output goes to connect.log in the work
   * directory.
   */
  public synchronized void start() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-Xmx512m",
                "-Dlogback.configurationFile="
                    + workDir.resolve(ConnectPeerSettings.LOGBACK).toAbsolutePath(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.apache.kafka.connect.cli.ConnectStandalone",
                workDir.resolve(ConnectPeerSettings.WORKER).toAbsolutePath().toString(),
                workDir.resolve(ConnectPeerSettings.CONNECTOR).toAbsolutePath().toString())
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(workDir.resolve("connect.log").toFile()));
    jvm.launch(builder);
  }

  public long pid() {
    return jvm.pid();
  }

  /**
   * The worker JVM's peak resident set (VmHWM), read while it runs; after stop, the last value
   * read.
   */
  public long peakRssKb() {
    return jvm.peakRssKb();
  }

  /**
   * SIGTERM (Connect's shutdown hook stops the connector and flushes offsets), then a kill after 30
   * s.
   */
  public void stop() throws InterruptedException {
    jvm.stop(GRACEFUL_STOP);
  }

  /** Stops the worker and drops the slot, so the WAL it held is freed. */
  @Override
  public void close() throws Exception {
    stop();
    dropSlot(database);
  }

  public Path workDir() {
    return workDir;
  }

  private static void createSlot(PostgresLogin database) throws Exception {
    dropSlot(database);
    try (Connection c = database.connect();
        PreparedStatement s =
            c.prepareStatement("SELECT pg_create_logical_replication_slot(?, 'pgoutput')")) {
      s.setString(1, SLOT);
      s.execute();
    }
  }

  /**
   * The walsender may hold the slot for a moment after the worker exits: retry while it is active.
   */
  private static void dropSlot(PostgresLogin database) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    try (Connection c = database.connect()) {
      while (true) {
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ?")) {
          s.setString(1, SLOT);
          s.execute();
          return;
        } catch (SQLException e) {
          if (System.nanoTime() > deadline) {
            throw e;
          }
          Thread.sleep(200);
        }
      }
    }
  }

  /** The slot's lag behind the current WAL, for checking that the peer confirms what it relayed. */
  public Map<String, Object> slotState() throws SQLException {
    Map<String, Object> state = new LinkedHashMap<>();
    try (Connection c = database.connect();
        PreparedStatement s =
            c.prepareStatement(
                """
             SELECT active, pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)
             FROM pg_replication_slots WHERE slot_name = ?""")) {
      s.setString(1, SLOT);
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next()) {
          state.put("active", rs.getBoolean(1));
          state.put("confirmedLagBytes", rs.getLong(2));
        }
      }
    }
    return state;
  }
}
