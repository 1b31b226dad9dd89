package io.digitaltowns.benchmark.deployed;

import io.digitaltowns.benchmark.Benchmark;
import io.digitaltowns.benchmark.Figures;
import io.digitaltowns.benchmark.Json;
import io.digitaltowns.benchmark.OpenLoopRequests;
import io.digitaltowns.benchmark.SeededTown;
import io.digitaltowns.benchmark.SystemUnderTest;
import io.digitaltowns.benchmark.endtoend.EndToEndSteadyState;
import io.digitaltowns.benchmark.peers.BenchOutboxRows;
import io.digitaltowns.benchmark.peers.KafkaConnectPeer;
import io.digitaltowns.benchmark.peers.ModulithPeer;
import io.digitaltowns.benchmark.peers.OutboxBacklog;
import io.digitaltowns.benchmark.peers.PartitionLeaders;
import io.digitaltowns.benchmark.peers.PostgresLogin;
import io.digitaltowns.benchmark.peers.TopicDrainWatch;
import io.digitaltowns.events.catalog.TopicCreator;
import io.digitaltowns.events.catalog.TopicDefinition;
import io.digitaltowns.events.wire.AvroEventSerializer;
import io.digitaltowns.events.wire.SchemaRegistryClient;
import io.digitaltowns.relay.RelayMode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
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
import java.util.concurrent.Executors;

/**
 * Round two (issue 22): the system as deployed, each service its own JVM within the starter plan's
 * 512 MB ({@link DeployedSystem}), the servers in their own JVM ({@link LocalServersMain}), this
 * JVM only the load generator and the watchers. Runs the steps {@code bench.runs} times (3) on the
 * same system and writes every figure per run, and each figure's median, min and max over the runs,
 * to {@code report.json}; the load average is sampled at each step. Sizes are system properties
 * (bench.*) so that a shorter run can be made on a busy machine.
 */
public final class DeployedBenchmark {

  static final int RUNS = Integer.getInteger("bench.runs", 3);
  static final List<String> STEPS =
      List.of(
          System.getProperty("bench.steps", "steadyState,rateSearch,apiPages,drain").split(","));
  static final int STEADY_RATE = Integer.getInteger("bench.steadyRate", 200);
  static final int STEADY_SECONDS = Integer.getInteger("bench.steadySeconds", 60);
  static final int SETTLE_SECONDS = Integer.getInteger("bench.settleSeconds", 30);

  /**
   * The warm-up runs the steady state's rate for a minute, then the pages: a deployed service is
   * warm, and 20 s at half the rate left the first run's p99s to the JIT compilers (the quiet run
   * of 2026-12-08: search p99 32.5 ms in run 1, 6-8 ms after; welcome mail 34.5 s, then 0.1-1 s).
   */
  static final int WARMUP_RATE = Integer.getInteger("bench.warmUpRate", 200);

  static final int WARMUP_SECONDS = Integer.getInteger("bench.warmUpSeconds", 60);

  /** The rates tried upward, each for bench.searchSeconds, until one is not sustained. */
  static final String SEARCH_RATES = System.getProperty("bench.searchRates", "300,400,500,600");

  static final int SEARCH_SECONDS = Integer.getInteger("bench.searchSeconds", 30);
  static final long EFFECT_P99_LIMIT_MS = Long.getLong("bench.effectP99LimitMs", 1000);
  static final int PAGE_RATE = Integer.getInteger("bench.pageRate", 200);
  static final int PAGE_SECONDS = Integer.getInteger("bench.pageSeconds", 30);
  static final int PAGE_WARMUP_SECONDS = Integer.getInteger("bench.pageWarmupSeconds", 10);
  static final int BUSINESSES = Integer.getInteger("bench.businesses", 1_000);
  static final int BACKLOG = Integer.getInteger("bench.backlog", 100_000);
  static final String BENCH_TOPIC = "dt.bench.events";

  /**
   * The drains restart the relay (its JVM) three times: run them in this many runs only (after the
   * others).
   */
  static final int DRAIN_RUNS = Integer.getInteger("bench.drainRuns", 3);

  /**
   * No run or step starts after this instant (ISO-8601, e.g. 2026-12-08T01:20:00Z): on a busy
   * machine the report is then written with the runs that were made, rather than not at all.
   */
  static final Instant STOP_STARTING_AT =
      Instant.parse(System.getProperty("bench.stopStartingAt", "9999-12-31T00:00:00Z"));

  private static final String RELAY_SLOT = "dt_outbox_relay";

  /** Where the Debezium relay keeps its position (RelayProperties.offsetsTable's default). */
  private static final String RELAY_OFFSETS = "relay_offsets";

  private static final List<String> EFFECTS =
      List.of(
          "commitToKafkaMs",
          "commitToWelcomeMailMs",
          "commitToCrmContactRowMs",
          "commitToAnalyticsSignupCountMs");

  private final Path outDir;
  private final Map<String, Object> report = new LinkedHashMap<>();
  private final List<String> loadSamples = new ArrayList<>();
  private ServersJvm servers;
  private DeployedSystem system;
  private HttpClient http;
  private SeededTown town;
  private BenchOutboxRows benchRows;

  private DeployedBenchmark(Path outDir) {
    this.outDir = outDir;
  }

  public static void main(String[] args) throws Exception {
    SystemUnderTest.trustEventPackages();
    Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
    Files.createDirectories(out);
    DeployedBenchmark benchmark = new DeployedBenchmark(out);
    // stopped from outside (Ctrl-C, a timeout): the service JVMs are not children that die with
    // this one
    Thread stopProcesses = new Thread(benchmark::stopProcesses, "bench-stop-processes");
    Runtime.getRuntime().addShutdownHook(stopProcesses);
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
    report.put(
        "how",
        "each service its own JVM from its built jar (java "
            + String.join(" ", ServiceJvm.DOCKERFILE_JAVA_OPTS)
            + " "
            + ServiceJvm.EXTRA_FLAGS
            + " -jar; memory "
            + ServiceJvm.MAX_RAM
            + " through "
            + ServiceJvm.MEMORY_LIMIT
            + "), Spring profile "
            + DeployedSystem.SPRING_PROFILE
            + ", consumer workers "
            + DeployedSystem.CONSUMER_WORKERS
            + "; the servers in their own JVM (PostgreSQL as its own processes); this JVM is the load generator");
    Map<String, Object> sizes = new LinkedHashMap<>();
    sizes.put("runs", RUNS);
    sizes.put("steps", STEPS);
    sizes.put("steadyRate", STEADY_RATE);
    sizes.put("steadySeconds", STEADY_SECONDS);
    sizes.put("warmUp", WARMUP_RATE + "/s for " + WARMUP_SECONDS + " s");
    sizes.put("searchRates", SEARCH_RATES);
    sizes.put("searchSeconds", SEARCH_SECONDS);
    sizes.put("pageRate", PAGE_RATE);
    sizes.put("pageSeconds", PAGE_SECONDS);
    sizes.put("backlog", BACKLOG);
    sizes.put("drainRuns", DRAIN_RUNS);
    sizes.put("stopStartingAt", STOP_STARTING_AT.toString());
    report.put("sizes", sizes);
    report.put(
        "machine",
        Map.of(
            "availableProcessors",
            Runtime.getRuntime().availableProcessors(),
            "jdk",
            System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")));
    sampleLoad("start");
    servers = ServersJvm.start(outDir.resolve("logs"));
    sampleLoad("servers started");
    long t = System.nanoTime();
    Path repository = Path.of("..").toAbsolutePath().normalize();
    system =
        DeployedSystem.start(
            servers, repository, outDir.resolve("logs"), SystemUnderTest.settings());
    report.put("systemStartSeconds", Figures.seconds(System.nanoTime() - t));
    sampleLoad("services started");
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(8, r -> new Thread(r, "bench-http-client")))
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    if (STEPS.contains("steadyState") || STEPS.contains("rateSearch")) {
      sampleLoad("before the warm-up");
      report.put(
          "warmUp",
          endToEnd().run(WARMUP_RATE, WARMUP_SECONDS, Duration.ofSeconds(SETTLE_SECONDS)));
    }
    if (STEPS.contains("apiPages")) {
      sampleLoad("before the pages' warm-up");
      report.put("pagesWarmUp", apiPages());
    }
    List<Map<String, Object>> runs = new ArrayList<>();
    report.put("runs", runs);
    for (int run = 1; run <= RUNS && Instant.now().isBefore(STOP_STARTING_AT); run++) {
      Map<String, Object> figures = new LinkedHashMap<>();
      runs.add(figures);
      int n = run;
      figures.put("loadAverageAtStart", loadAverage());
      step(figures, "steadyState", () -> steadyState(STEADY_RATE, STEADY_SECONDS));
      step(figures, "apiPages", this::apiPages);
      step(figures, "rateSearch", this::rateSearch);
      figures.put("loadAverageAtEnd", loadAverage());
      sampleLoad("after run " + n);
      Files.writeString(outDir.resolve("report.json"), Json.write(report) + "\n");
    }
    // the drains last: each restarts the relay's JVM, slow on a busy machine
    for (int run = 0; run < Math.min(DRAIN_RUNS, runs.size()); run++) {
      Map<String, Object> figures = runs.get(run);
      step(figures, "drain", this::drain);
      if (run == 0) {
        step(figures, "modulith", this::modulith);
      }
      Files.writeString(outDir.resolve("report.json"), Json.write(report) + "\n");
    }
    report.put("summary", RunSummary.of(runs));
    report.put("totalSeconds", Figures.seconds(System.nanoTime() - started));
  }

  private interface Step {
    Object run() throws Exception;
  }

  private void step(Map<String, Object> figures, String name, Step step) {
    if (!STEPS.contains(name)) {
      return;
    }
    if (!Instant.now().isBefore(STOP_STARTING_AT)) {
      figures.put(
          name, Map.of("skipped", "bench.stopStartingAt " + STOP_STARTING_AT + " had passed"));
      return;
    }
    System.out.println("[bench] === " + name + " ===");
    long t = System.nanoTime();
    try {
      figures.put(name, step.run());
    } catch (Throwable e) {
      e.printStackTrace();
      figures.put(name, Map.of("error", String.valueOf(e)));
    }
    sampleLoad("after " + name);
    System.out.println(
        "[bench] "
            + name
            + " took "
            + Figures.seconds(System.nanoTime() - t)
            + " s: "
            + Json.write(figures.get(name)));
  }

  private EndToEndSteadyState endToEnd() {
    return new EndToEndSteadyState(
        http,
        system.apiUrl(),
        servers.get("kafka"),
        new RemoteInbox(servers.get("mailCounter")),
        this::connect,
        postgresPostmaster());
  }

  // ---------------------------------------------------------------- registrations end to end

  private Map<String, Object> steadyState(int rate, int seconds) throws Exception {
    ProcessUsage usage = ProcessUsage.start(system, postgresPostmaster());
    Map<String, Object> result = endToEnd().run(rate, seconds, Duration.ofSeconds(SETTLE_SECONDS));
    // the thread grouping of round one sees only this JVM here: the processes' figures replace it
    result.remove("cpuDuringLoad");
    long created = ((Number) result.get("registrationsCreated")).longValue();
    result.put("processes", usage.stop(created));
    result.put("sustained", sustained(result, rate));
    return result;
  }

  /**
   * The api answered at least 98% of the rate, every effect arrived exactly once and each effect's
   * p99 is within the limit.
   */
  static boolean sustained(Map<String, Object> run, int rate) {
    Object registrations = run.get("registrations");
    if (!(registrations instanceof Map<?, ?> r)
        || !(r.get("achievedPerSecond") instanceof Number achieved)
        || achieved.doubleValue() < rate * 0.98) {
      return false;
    }
    for (String effect : EFFECTS) {
      if (!(run.get(effect) instanceof Map<?, ?> m)
          || !(m.get("p99") instanceof Number p99)
          || p99.doubleValue() > EFFECT_P99_LIMIT_MS) {
        return false;
      }
    }
    return Boolean.TRUE.equals(run.get("allEffectsArrivedWithinWait"))
        && zero(run, "missingOnKafka")
        && zero(run, "duplicatedOnKafka")
        && zero(run, "missingWelcomeMail")
        && zero(run, "duplicatedWelcomeMail")
        && zero(run, "missingCrmContactRow")
        && zero(run, "duplicatedCrmSignupActivity")
        && Boolean.TRUE.equals(run.get("signupCountExact"));
  }

  private static boolean zero(Map<String, Object> run, String key) {
    return run.get(key) instanceof Number n && n.longValue() == 0;
  }

  private Object rateSearch() throws Exception {
    Map<String, Object> result = new LinkedHashMap<>();
    int highest = 0;
    List<Object> tries = new ArrayList<>();
    for (String r : SEARCH_RATES.split(",")) {
      int rate = Integer.parseInt(r.trim());
      Map<String, Object> run = steadyState(rate, SEARCH_SECONDS);
      Map<String, Object> brief = new LinkedHashMap<>();
      brief.put("rate", rate);
      brief.put("sustained", run.get("sustained"));
      brief.put(
          "apiAchievedPerSecond", ((Map<?, ?>) run.get("registrations")).get("achievedPerSecond"));
      for (String effect : EFFECTS) {
        brief.put(effect + "P99", run.get(effect) instanceof Map<?, ?> m ? m.get("p99") : null);
      }
      brief.put("detail", run);
      tries.add(brief);
      System.out.println("[bench] rate " + rate + "/s sustained: " + run.get("sustained"));
      if (!Boolean.TRUE.equals(run.get("sustained"))) {
        break;
      }
      highest = rate;
    }
    result.put("highestSustainedPerSecond", highest);
    result.put("tries", tries);
    return result;
  }

  // ---------------------------------------------------------------- search and the town page

  private Object apiPages() throws Exception {
    if (town == null) {
      try (Connection c = connect()) {
        town = SeededTown.seed(c, BUSINESSES);
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put(
        "search",
        page(
            URI.create(system.apiUrl() + "/api/towns/" + town.slug() + "/businesses?q=espresso"),
            "GET /api/towns/{slug}/businesses?q=espresso"));
    result.put(
        "townPage",
        page(URI.create(system.apiUrl() + "/towns/" + town.slug()), "GET /towns/{slug}"));
    return result;
  }

  private Map<String, Object> page(URI uri, String name) throws Exception {
    OpenLoopRequests load = new OpenLoopRequests(http);
    load.run(PAGE_RATE, PAGE_WARMUP_SECONDS, i -> request(uri), 200, (response, at) -> {});
    ProcessUsage usage = ProcessUsage.start(system, postgresPostmaster());
    OpenLoopRequests.Result measured =
        load.run(PAGE_RATE, PAGE_SECONDS, i -> request(uri), 200, (response, at) -> {});
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("request", name);
    result.put("targetPerSecond", PAGE_RATE);
    result.putAll(measured.toMap());
    result.put("processes", usage.stop(measured.answered()));
    return result;
  }

  private static HttpRequest request(URI uri) {
    return HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").GET().build();
  }

  // ---------------------------------------------------------------- relay drain against the limit
  // and the peers

  /**
   * A backlog of BACKLOG 1 KB rows committed while the relay is stopped: the decoding limit, the
   * relay's drain (Debezium), the Kafka Connect peer's on the same rows, then a second backlog for
   * the polling relay.
   */
  private Object drain() throws Exception {
    Map<String, Object> result = new LinkedHashMap<>();
    String kafka = servers.get("kafka");
    TopicCreator.ensure(
        kafka,
        List.of(
            new TopicDefinition(BENCH_TOPIC, 3, (short) 1, Map.of("min.insync.replicas", "1"))));
    PartitionLeaders.awaitAndPrime(kafka, BENCH_TOPIC);
    PostgresLogin database =
        new PostgresLogin(
            servers.get("jdbcUrl"), servers.get("databaseUser"), servers.get("databasePassword"));
    if (benchRows == null) {
      benchRows =
          new BenchOutboxRows(
              new AvroEventSerializer(new SchemaRegistryClient(servers.get("schemaRegistry"))));
    }
    system.stopRelay();
    try (KafkaConnectPeer connect =
        KafkaConnectPeer.prepare(
            servers.get("jdbcUrl"),
            servers.get("databaseUser"),
            servers.get("databasePassword"),
            kafka,
            outDir.resolve("peer-connect"))) {
      try (Connection slotSession = connect()) {
        try (Statement s = slotSession.createStatement()) {
          s.execute("SELECT pg_create_logical_replication_slot('bench_peek', 'pgoutput', true)");
        }
        result.put("backlog", new OutboxBacklog(database, benchRows).insert(BACKLOG));
        Benchmark.awaitWalFlushed(slotSession);
        result.putAll(Benchmark.logicalDecodingLimits(slotSession));
        try (Statement s = slotSession.createStatement()) {
          s.execute("SELECT pg_drop_replication_slot('bench_peek')");
        }
      }
      sampleLoad("before the relay's drain");
      result.put("relayDrain", relayDrain(kafka, RelayMode.DEBEZIUM));
      system.awaitRelayHealthy();
      sampleLoad("before the Connect peer's drain");
      try (TopicDrainWatch watch = TopicDrainWatch.before(kafka, KafkaConnectPeer.TOPIC, BACKLOG)) {
        result.put("kafkaConnectDrain", watch.drain(connect::start, Duration.ofMinutes(4)));
      }
      result.put("kafkaConnectPeakRssKb", connect.peakRssKb());
    }
    sampleLoad("before the polling relay's drain");
    result.put("pollingRelayDrain", pollingDrain(database, kafka));
    return result;
  }

  /**
   * Starts the relay in this mode on a backlog of BACKLOG rows and waits until all are on Kafka;
   * besides the rates, the CPU of every process over the drain (the relay's includes its JVM's
   * start) and the relay's busiest threads at its end (where the drain's ceiling is).
   */
  private Map<String, Object> relayDrain(String kafka, RelayMode mode) throws Exception {
    ProcessUsage usage = ProcessUsage.start(system, postgresPostmaster());
    Map<String, Object> result;
    try (TopicDrainWatch watch = TopicDrainWatch.before(kafka, BENCH_TOPIC, BACKLOG)) {
      result =
          new LinkedHashMap<>(watch.drain(() -> system.launchRelay(mode), Duration.ofMinutes(4)));
    }
    result.put("relayThreads", ThreadTimes.busiest(system.relay().pid(), 12));
    if (mode == RelayMode.DEBEZIUM) {
      // the server's side of the stream: the walsender decodes for this relay alone
      result.put("walsender", ThreadTimes.ofProcess(slotPid(RELAY_SLOT)));
    }
    result.put("processes", usage.stop(BACKLOG));
    sampleLoad("after the " + mode.name().toLowerCase() + " relay's drain");
    return result;
  }

  /**
   * The polling relay sends every row in the outbox: the rows the Debezium relay already sent are
   * deleted first, a new backlog is committed, the polling relay drains it; then the Debezium
   * relay's slot is moved past it (it must not send those rows a second time) and the Debezium
   * relay runs again.
   */
  private Map<String, Object> pollingDrain(PostgresLogin database, String kafka) throws Exception {
    system.stopRelay();
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("DELETE FROM outbox");
    }
    Map<String, Object> result =
        new LinkedHashMap<>(new OutboxBacklog(database, benchRows).insert(BACKLOG));
    result.putAll(relayDrain(kafka, RelayMode.POLLING));
    result.put("peakRssKb", system.relay().peakRssKb());
    system.stopRelay();
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("SELECT pg_replication_slot_advance('" + RELAY_SLOT + "', pg_current_wal_lsn())");
      // The relay's own offset still points before the rows the polling relay sent, and the slot
      // no longer holds them: Debezium refused to start from it ("no longer available on the
      // server", every 5 s), so every drain after the first relayed nothing. Without an offset it
      // snapshots the outbox, which the polling relay left empty, and streams on from the slot.
      s.execute("DELETE FROM " + RELAY_OFFSETS);
    }
    system.launchRelay(RelayMode.DEBEZIUM);
    system.awaitRelayHealthy();
    // healthy is not yet streaming: a relay stopped before its (empty) snapshot ended would
    // snapshot the next backlog instead of decoding it from the slot
    awaitRelayOffset(Duration.ofMinutes(3));
    return result;
  }

  /** Waits until the Debezium relay committed a position (after its snapshot, at its heartbeat). */
  private void awaitRelayOffset(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try (Connection c = connect();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM " + RELAY_OFFSETS)) {
        if (rs.next() && rs.getLong(1) > 0) {
          return;
        }
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the Debezium relay committed no offset within " + timeout);
  }

  private Object modulith() throws Exception {
    Map<String, Object> result = new LinkedHashMap<>();
    try (ModulithPeer peer =
        ModulithPeer.prepare(
            servers.get("jdbcUrl"),
            servers.get("databaseUser"),
            servers.get("databasePassword"),
            servers.get("kafka"),
            outDir.resolve("peer-modulith"))) {
      peer.insertBacklog(BACKLOG);
      result.put("drain", peer.drain(BACKLOG, Duration.ofMinutes(4)));
      result.put("peakRssKb", peer.peakRssKb());
    }
    return result;
  }

  // ---------------------------------------------------------------- helpers

  private Connection connect() throws Exception {
    Properties p = new Properties();
    p.put("user", servers.get("databaseUser"));
    p.put("password", servers.get("databasePassword"));
    p.put("reWriteBatchedInserts", "true");
    return DriverManager.getConnection(servers.get("jdbcUrl"), p);
  }

  /**
   * The PostgreSQL server's pid: the parent of this connection's backend; 0 when it cannot be
   * found.
   */
  /** The walsender serving this replication slot, 0 when none. */
  private long slotPid(String slot) {
    try (Connection c = connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT coalesce(active_pid, 0) FROM pg_replication_slots WHERE slot_name = ?")) {
      s.setString(1, slot);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    } catch (Exception e) {
      return 0;
    }
  }

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

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return null;
    }
  }

  private void sampleLoad(String when) {
    String load = loadAverage();
    loadSamples.add(ZonedDateTime.now().toLocalTime().withNano(0) + " " + when + ": " + load);
    System.out.println("[bench] load " + when + ": " + load);
  }

  private synchronized void stopProcesses() {
    if (system != null) {
      system.close();
    }
    if (servers != null) {
      try {
        servers.close();
      } catch (Exception e) {
        e.printStackTrace();
      }
    }
  }

  private void finish() {
    sampleLoad("end");
    report.put("loadAverage", loadSamples);
    if (system != null) {
      Map<String, Object> memory = new LinkedHashMap<>();
      for (ServiceJvm service : system.services()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("peakRssKb", service.peakRssKb());
        m.put("within512MB", service.peakRssKb() <= 512 * 1024);
        m.put("limit", service.memoryLimit());
        m.put("cgroupPeakKb", service.cgroupPeakKb());
        m.put("oomKills", service.oomKills());
        m.put("running", service.isRunning());
        m.put("unexpectedExit", service.unexpectedExit());
        memory.put(service.name(), m);
      }
      report.put("memory", memory);
    }
    stopProcesses();
    try {
      Files.writeString(outDir.resolve("report.json"), Json.write(report) + "\n");
      Files.writeString(outDir.resolve("report.md"), DeployedReport.markdown(report));
      System.out.println("[bench] report: " + outDir.resolve("report.json").toAbsolutePath());
    } catch (Exception e) {
      e.printStackTrace();
    }
  }
}
