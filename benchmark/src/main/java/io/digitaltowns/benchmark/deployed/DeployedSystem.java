package io.digitaltowns.benchmark.deployed;

import io.digitaltowns.relay.RelayMode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The system as render.yaml deploys it, on this machine: the api (roles web, auth and crm in one
 * service), one relay, and the consumer groups as their own workers (email, crm read model,
 * analytics, backup), each a JVM started from its built jar like the Dockerfile does, configured
 * through the same environment variables, against the servers in their own JVM. Left out: crm-sync
 * (it needs a HubSpot account) and cleanup (it reacts to deletions only), the relay's standby
 * instance, Redis (the api's in-memory rate limits instead).
 */
public final class DeployedSystem implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

  /**
   * Consumer workers to start (render.yaml's worker names without digitaltowns-), or "all": one
   * consumers service with the four groups: -Dbench.consumerWorkers=all
   */
  static final List<String> CONSUMER_WORKERS =
      List.of(
          System.getProperty("bench.consumerWorkers", "email,crm-read-model,analytics,backup")
              .split(","));

  static final String SPRING_PROFILE = System.getProperty("bench.springProfile", "prod");

  /**
   * Extra JVM flags for the relay's JVMs only, {service} naming the relay (relay, relay-polling)
   * and {start} numbering its starts: a flight recording of each drain, e.g.
   * -Dbench.relayJvmFlags=-XX:StartFlightRecording=filename={service}-{start}.jfr,settings=profile
   */
  static final String RELAY_JVM_FLAGS = System.getProperty("bench.relayJvmFlags", "");

  private final ServersJvm servers;
  private final Path logDir;
  private final Map<String, String> common = new LinkedHashMap<>();
  private final List<String> benchArguments;
  private final ServiceJvm api;
  private final String apiUrl;
  private final Map<RelayMode, ServiceJvm> relays = new LinkedHashMap<>();
  private RelayMode relayMode = RelayMode.DEBEZIUM;
  private final List<ServiceJvm> consumers = new ArrayList<>();

  private DeployedSystem(
      ServersJvm servers, Path repository, Path logDir, Map<String, Object> settings)
      throws IOException {
    this.servers = servers;
    this.logDir = logDir;
    String jwtSecret = secret();
    String linkSecret = secret();
    int apiPort = freePort();
    apiUrl = "http://127.0.0.1:" + apiPort;
    common.put("SPRING_PROFILES_ACTIVE", SPRING_PROFILE);
    common.put("DATABASE_URL", servers.get("jdbcUrl"));
    common.put("DATABASE_USER", servers.get("databaseUser"));
    common.put("DATABASE_PASSWORD", servers.get("databasePassword"));
    common.put("KAFKA_BOOTSTRAP_SERVERS", servers.get("kafka"));
    common.put("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
    common.put("SCHEMA_REGISTRY_URL", servers.get("schemaRegistry"));
    common.put("JWT_SECRET", jwtSecret);
    common.put("EMAIL_LINK_SECRET", linkSecret);
    common.put("PUBLIC_BASE_URL", apiUrl);
    common.put("S3_ENDPOINT", servers.get("s3Endpoint"));
    common.put("S3_REGION", servers.get("s3Region"));
    common.put("S3_ACCESS_KEY_ID", servers.get("s3AccessKey"));
    common.put("S3_SECRET_ACCESS_KEY", servers.get("s3SecretKey"));
    // the local servers speak plain HTTP and SMTP on loopback
    common.put("SITE_SECURE_COOKIE", "false");
    // each service listens on its PORT, as on Render: the tests' "any free port" would hide it from
    // the benchmark
    benchArguments =
        settings.entrySet().stream()
            .filter(e -> !e.getKey().equals("server.port"))
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toList();

    Map<String, String> apiEnv = new LinkedHashMap<>(common);
    apiEnv.put("SERVICE", "api");
    apiEnv.put("PORT", String.valueOf(apiPort));
    apiEnv.put("RELAY_MODE", "debezium");
    api =
        new ServiceJvm(
            "api", jar(repository, "api"), apiEnv, benchArguments, apiUrl + "/health", logDir, "");

    for (String worker : CONSUMER_WORKERS) {
      Map<String, String> env = new LinkedHashMap<>(common);
      int port = freePort();
      env.put("SERVICE", "consumers");
      env.put("PORT", String.valueOf(port));
      env.put("CONSUMER_EMAIL_ENABLED", "false");
      switch (worker.trim()) {
        case "email" -> env.putAll(email(servers));
        case "crm-read-model" -> env.put("CONSUMER_CRM_ENABLED", "true");
        case "all" -> {
          // one consumers service with the groups email, crm, analytics and backup (what
          // docker-compose runs): fewer
          // JVMs on a machine too busy for seven
          env.putAll(email(servers));
          env.put("CONSUMER_CRM_ENABLED", "true");
          env.putAll(analytics(logDir));
          env.putAll(backup(servers));
        }
        case "analytics" -> env.putAll(analytics(logDir));
        case "backup" -> env.putAll(backup(servers));
        default -> throw new IllegalArgumentException("no consumer worker " + worker);
      }
      List<String> args = new ArrayList<>(benchArguments);
      // the benchmark's synthetic topics are not worth archiving (as in round one)
      args.add(
          "--digitaltowns.backup.archive.excluded-topics=.*\\.dlt|dt\\.analytics\\..*|dt\\.bench\\..*|peer\\..*");
      consumers.add(
          new ServiceJvm(
              "consumers-" + worker.trim(),
              jar(repository, "consumers"),
              env,
              args,
              "http://127.0.0.1:" + port + "/actuator/health/liveness",
              logDir,
              ""));
    }
    for (RelayMode mode : RelayMode.values()) {
      Map<String, String> env = new LinkedHashMap<>(common);
      int port = freePort();
      env.put("SERVICE", "relay");
      env.put("PORT", String.valueOf(port));
      env.put("RELAY_MODE", mode.name().toLowerCase());
      env.put("RELAY_SLOT_NAME", "dt_outbox_relay");
      env.put("RELAY_OUTBOX_RETENTION", "1h");
      env.put("RELAY_POLL_INTERVAL", System.getProperty("bench.relayPollInterval", "10ms"));
      relays.put(
          mode,
          new ServiceJvm(
              mode == RelayMode.DEBEZIUM ? "relay" : "relay-polling",
              jar(repository, "relay"),
              env,
              benchArguments,
              "http://127.0.0.1:" + port + "/actuator/health/liveness",
              logDir,
              RELAY_JVM_FLAGS));
    }
  }

  private static Map<String, String> email(ServersJvm servers) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("CONSUMER_EMAIL_ENABLED", "true");
    env.put("CONSUMER_EMAIL_CONCURRENCY", System.getProperty("bench.emailConcurrency", "3"));
    env.put("CONSUMER_RETRY_MAX_ELAPSED", "30m");
    env.put("SMTP_HOST", servers.get("smtpHost"));
    env.put("SMTP_PORT", servers.get("smtpPort"));
    env.put("SMTP_AUTH", "false");
    env.put("SMTP_STARTTLS", "false");
    env.put("SMTP_SSL", "false");
    return env;
  }

  private static Map<String, String> analytics(Path logDir) {
    return Map.of(
        "CONSUMER_ANALYTICS_ENABLED",
        "true",
        "ANALYTICS_STATE_DIR",
        logDir.resolve("analytics-state").toAbsolutePath().toString());
  }

  private static Map<String, String> backup(ServersJvm servers) {
    return Map.of(
        "CONSUMER_BACKUP_ENABLED",
        "true",
        "B2_ENDPOINT",
        servers.get("s3Endpoint"),
        "B2_REGION",
        servers.get("s3Region"),
        "B2_KEY_ID",
        servers.get("s3AccessKey"),
        "B2_APP_KEY",
        servers.get("s3SecretKey"),
        "BACKUP_SNAPSHOT_ENABLED",
        "false");
  }

  /**
   * Starts the api first (its migrations), then the relay and the first consumer worker, then the
   * other workers.
   *
   * @param settings the benchmark's own settings (bcrypt strength, abuse limits, log level), as
   *     command-line arguments
   */
  public static DeployedSystem start(
      ServersJvm servers, Path repository, Path logDir, Map<String, Object> settings)
      throws Exception {
    Files.createDirectories(logDir);
    DeployedSystem system = new DeployedSystem(servers, repository, logDir, settings);
    try {
      system.api.start();
      system.api.awaitHealthy(START_TIMEOUT);
      List<ServiceJvm> first = new ArrayList<>(List.of(system.relay()));
      first.add(system.consumers.get(0));
      startAll(first);
      startAll(system.consumers.subList(1, system.consumers.size()));
    } catch (Exception e) {
      system.close();
      throw e;
    }
    return system;
  }

  private static void startAll(List<ServiceJvm> services) throws Exception {
    for (ServiceJvm service : services) {
      service.start();
    }
    ExecutorService waits = Executors.newFixedThreadPool(Math.max(1, services.size()));
    try {
      List<Future<?>> healthy = new ArrayList<>();
      for (ServiceJvm service : services) {
        healthy.add(
            waits.submit(
                () -> {
                  service.awaitHealthy(START_TIMEOUT);
                  return null;
                }));
      }
      for (Future<?> f : healthy) {
        f.get();
      }
    } finally {
      waits.shutdownNow();
    }
  }

  public String apiUrl() {
    return apiUrl;
  }

  public ServiceJvm relay() {
    return relays.get(relayMode);
  }

  public RelayMode relayMode() {
    return relayMode;
  }

  public void stopRelay() throws InterruptedException {
    relay().stop();
  }

  /** Starts the relay in this mode and returns once it was launched (it may still be starting). */
  public void launchRelay(RelayMode mode) throws IOException {
    relayMode = mode;
    relay().start();
  }

  public void awaitRelayHealthy() throws Exception {
    relay().awaitHealthy(START_TIMEOUT);
  }

  /** Every service JVM, the relays of both modes included (one runs at a time). */
  public List<ServiceJvm> services() {
    return Stream.concat(
            Stream.concat(Stream.of(api), relays.values().stream()), consumers.stream())
        .toList();
  }

  public ServersJvm servers() {
    return servers;
  }

  @Override
  public void close() {
    for (ServiceJvm service : services()) {
      try {
        service.stop();
      } catch (Exception e) {
        e.printStackTrace();
      }
    }
  }

  private static Path jar(Path repository, String module) throws IOException {
    Path target = repository.resolve(module).resolve("target");
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith("-exec.jar"))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "no " + module + "/target/*-exec.jar: build with -pl benchmark -am package"));
    }
  }

  private static String secret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
