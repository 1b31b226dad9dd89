package io.digitaltowns.benchmark.peers;

import io.digitaltowns.events.catalog.TopicCreator;
import io.digitaltowns.events.catalog.TopicDefinition;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Peer (b) of the outbox relay (issue 11): Spring Modulith's JDBC event publication registry with
 * its Kafka externalization, run from the benchmark-modulith-peer -exec jar as a separate JVM, so
 * that Modulith's autoconfiguration never meets the api, relay and consumers contexts of the
 * benchmark JVM. Its registry is the table event_publication in the schema {@value #SCHEMA} of the
 * benchmark's database.
 */
public final class ModulithPeer implements AutoCloseable {

  public static final String SCHEMA = "modulith_peer";
  public static final String TOPIC = "peer.modulith.bench.events";

  /**
   * With this payload the event's JSON (the registry row and the Kafka value) is about 1,024 bytes.
   */
  static final int PAYLOAD_CHARS = 865;

  // what the registry stores for an event published through the app (read from a row it wrote)
  static final String EVENT_TYPE = "io.digitaltowns.benchmark.modulithpeer.BenchEventPublished";
  static final String LISTENER_ID =
      "org.springframework.modulith.events.support.DelegatingEventExternalizer.externalize(java.lang.Object)";
  // Modulith resubmits a backlog before its web server starts: 76-171 s for 100,000 on the loaded
  // 2-core machine
  private static final Duration START_TIMEOUT = Duration.ofMinutes(30);
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final String jdbcUrl;
  private final String user;
  private final String password;
  private final String bootstrapServers;
  private final Path workDir;
  private final PeerJvm jvm = new PeerJvm("Modulith peer");
  private int port;

  private ModulithPeer(
      String jdbcUrl, String user, String password, String bootstrapServers, Path workDir) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password == null ? "" : password;
    this.bootstrapServers = bootstrapServers;
    this.workDir = workDir;
  }

  /**
   * Creates the registry's schema and the topic (3 partitions, leaders elected, each partition
   * written once), then starts the app once: Modulith creates its table, and one event published
   * through the app checks that its row is what {@link #insertBacklog} writes.
   */
  public static ModulithPeer prepare(
      String jdbcUrl, String user, String password, String bootstrapServers, Path workDir)
      throws Exception {
    Files.createDirectories(workDir);
    ModulithPeer peer = new ModulithPeer(jdbcUrl, user, password, bootstrapServers, workDir);
    try (Connection c = peer.connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
    }
    TopicCreator.ensure(
        bootstrapServers,
        List.of(new TopicDefinition(TOPIC, 3, (short) 1, Map.of("min.insync.replicas", "1"))));
    PartitionLeaders.awaitAndPrime(bootstrapServers, TOPIC);
    peer.start();
    try {
      peer.checkRegistryRow();
    } finally {
      peer.stop();
    }
    return peer;
  }

  /** Publishes one event through the app and compares its registry row with the backlog's rows. */
  private void checkRegistryRow() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(publishUri())
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(
          "POST /events answered " + response.statusCode() + " " + response.body());
    }
    String aggregateId = response.body().trim();
    Pattern expected =
        Pattern.compile(
            "\\{\"eventId\":\"[0-9a-f-]{36}\",\"aggregateId\":\""
                + aggregateId
                + "\",\"occurredAt\":\"[0-9T:.Z-]+\",\"payload\":\"x{"
                + PAYLOAD_CHARS
                + "}\"}");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try (Connection c = connect();
        PreparedStatement query =
            c.prepareStatement(
                """
        SELECT listener_id, event_type, serialized_event, status, completion_date IS NOT NULL
        FROM %s.event_publication WHERE serialized_event LIKE ?"""
                    .formatted(SCHEMA))) {
      query.setString(1, "%" + aggregateId + "%");
      while (System.nanoTime() < deadline) {
        try (ResultSet rs = query.executeQuery()) {
          if (rs.next() && rs.getBoolean(5)) {
            List<String> differences = new ArrayList<>();
            if (!LISTENER_ID.equals(rs.getString(1))) {
              differences.add("listener_id " + rs.getString(1));
            }
            if (!EVENT_TYPE.equals(rs.getString(2))) {
              differences.add("event_type " + rs.getString(2));
            }
            if (!expected.matcher(rs.getString(3)).matches()) {
              differences.add("serialized_event " + rs.getString(3));
            }
            if (!differences.isEmpty()) {
              throw new IllegalStateException(
                  "the registry's rows differ from the backlog's: " + differences);
            }
            return;
          }
        }
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("the probe event's publication was not completed within 30 s");
  }

  /**
   * Inserts {@code count} outstanding publications of 1 KB events for the Kafka externalizer, in
   * transactions of 1,000: the rows the registry holds for events committed but not yet
   * externalized (status PUBLISHED, no completion date). Call it while the app is stopped: it
   * resubmits them when it starts.
   */
  public void insertBacklog(int count) throws Exception {
    String payload = "x".repeat(PAYLOAD_CHARS);
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement insert =
          c.prepareStatement(
              """
          INSERT INTO %s.event_publication (id, listener_id, event_type, serialized_event, publication_date,
                                            status, completion_attempts, last_resubmission_date)
          VALUES (?, ?, ?, ?, ?, 'PUBLISHED', 1, ?)"""
                  .formatted(SCHEMA))) {
        for (int i = 1; i <= count; i++) {
          Instant now = Instant.now();
          insert.setObject(1, UUID.randomUUID());
          insert.setString(2, LISTENER_ID);
          insert.setString(3, EVENT_TYPE);
          insert.setString(
              4, eventJson(UUID.randomUUID(), UUID.randomUUID().toString(), now, payload));
          insert.setTimestamp(5, Timestamp.from(now));
          insert.setTimestamp(6, Timestamp.from(now));
          insert.addBatch();
          if (i % 1_000 == 0) {
            insert.executeBatch();
            c.commit();
          }
        }
        insert.executeBatch();
        c.commit();
      }
    }
  }

  /** The event as the registry serializes it (Jackson, an Instant as ISO-8601 text). */
  static String eventJson(UUID eventId, String aggregateId, Instant occurredAt, String payload) {
    return "{\"eventId\":\""
        + eventId
        + "\",\"aggregateId\":\""
        + aggregateId
        + "\",\"occurredAt\":\""
        + occurredAt
        + "\",\"payload\":\""
        + payload
        + "\"}";
  }

  /** Publications not completed yet (outstanding, or failed). */
  public long incompletePublications() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM "
                    + SCHEMA
                    + ".event_publication WHERE completion_date IS NULL")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Starts the app as its own JVM ({@code java -Xmx512m -jar <exec jar>}, output to modulith.log in
   * the work directory) and returns once its HTTP port answers. Modulith resubmits the outstanding
   * publications before the web server starts, so with a backlog this returns only after all of
   * them have been handed to its executor.
   */
  public void start() throws Exception {
    port = freePort();
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                execJar().toString(),
                "--server.port=" + port,
                // connections start in the registry's schema, whatever Modulith's schema
                // initializer switches
                "--spring.datasource.url="
                    + jdbcUrl
                    + (jdbcUrl.contains("?") ? "&" : "?")
                    + "currentSchema="
                    + SCHEMA,
                "--spring.datasource.username=" + user,
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--peer.payload-chars=" + PAYLOAD_CHARS));
    command.addAll(extraArguments());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(workDir.resolve("modulith.log").toFile()));
    // the password through the environment, not the command line that ps shows
    builder.environment().put("SPRING_DATASOURCE_PASSWORD", password);
    jvm.launch(builder);
    awaitHttp();
  }

  private void awaitHttp() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest probe =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
            .timeout(Duration.ofSeconds(2))
            .GET()
            .build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!jvm.isRunning()) {
        throw new IllegalStateException(
            "the Modulith peer exited with "
                + jvm.exitValue()
                + ", see "
                + workDir.resolve("modulith.log"));
      }
      try {
        http.send(probe, HttpResponse.BodyHandlers.discarding());
        return; // any status: the port answers
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
      peakRssKb();
    }
    throw new IllegalStateException(
        "the Modulith peer did not answer on port " + port + " within " + START_TIMEOUT);
  }

  /**
   * Settings to try on top of the defaults a Spring team gets, e.g.
   * -Dbench.modulithPeerArgs=--spring.task.execution.pool.core-size=32,--spring.modulith.events.completion-mode=delete
   * (comma-separated: one -Dbench.jvmArg cannot hold spaces).
   */
  public static List<String> extraArguments() {
    String configured = System.getProperty("bench.modulithPeerArgs", "").trim();
    return configured.isEmpty() ? List.of() : List.of(configured.split(","));
  }

  private static Path execJar() throws IOException {
    String configured = System.getProperty("bench.modulithPeerJar");
    if (configured != null) {
      return Path.of(configured);
    }
    Path target = Path.of("..", "benchmark-modulith-peer", "target");
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith("-exec.jar"))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "no *-exec.jar in "
                          + target.toAbsolutePath()
                          + ": build with -pl benchmark -am"));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  public URI publishUri() {
    return URI.create("http://localhost:" + port + "/events");
  }

  public String topic() {
    return TOPIC;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public long pid() {
    return jvm.pid();
  }

  /** The peak resident set (VmHWM) of the peer's JVM; after it stopped, the last value read. */
  public long peakRssKb() {
    return jvm.peakRssKb();
  }

  /**
   * Backlog drain: starts the app and measures until {@code backlog} records are on the topic (see
   * {@link TopicDrainWatch}), then adds the peak RSS and the registry rows still incomplete.
   */
  public Map<String, Object> drain(int backlog, Duration timeout) throws Exception {
    Map<String, Object> result;
    try (TopicDrainWatch watch = TopicDrainWatch.before(bootstrapServers, TOPIC, backlog)) {
      result = new LinkedHashMap<>(watch.drain(this::start, timeout));
    }
    result.put("incompletePublicationsRightAfter", incompletePublications());
    result.put("peerPeakRssKb", peakRssKb());
    return result;
  }

  /** Steady state against the running app (see {@link FixedRatePublishLoad}). */
  public Map<String, Object> steady(int ratePerSecond, int seconds) throws Exception {
    Map<String, Object> result =
        new LinkedHashMap<>(
            FixedRatePublishLoad.run(
                publishUri(),
                bootstrapServers,
                TOPIC,
                ratePerSecond,
                seconds,
                Duration.ofSeconds(60)));
    result.put("incompletePublicationsAfter", incompletePublications());
    result.put("peerPeakRssKb", peakRssKb());
    return result;
  }

  /** SIGTERM (Spring's graceful shutdown), then forcibly after 30 s. */
  public void stop() throws InterruptedException {
    jvm.stop(STOP_GRACE);
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  private Connection connect() throws Exception {
    return new PostgresLogin(jdbcUrl, user, password).connect();
  }
}
