package io.digitaltowns.stack;

import io.digitaltowns.api.ApiApplication;
import io.digitaltowns.consumers.ConsumersApplication;
import io.digitaltowns.events.catalog.TopicCreator;
import io.digitaltowns.events.catalog.Topics;
import io.digitaltowns.infra.LocalStack;
import io.digitaltowns.infra.LocalStackSettings;
import io.digitaltowns.infra.logging.LocalLogLevels;
import io.digitaltowns.infra.logging.StartProgress;
import io.digitaltowns.relay.RelayApplication;
import io.digitaltowns.relay.RelayMode;
import io.digitaltowns.relay.RelayProperties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole system in one process: the local stack's servers, then the api, the relay and the
 * consumers, each its own Spring application wired to those servers. It is what the README's run
 * command starts, and what the end-to-end tests run against.
 */
public final class LocalSystem implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalSystem.class);

  private final LocalStack stack;
  private final String jdbcUrl;
  private final Map<String, Object> extraSettings;
  private ConfigurableApplicationContext api;

  /**
   * Where the Stripe stand-in sent webhooks before this system's api took them over; given back at
   * close.
   */
  private String webhooksBefore;

  private ConfigurableApplicationContext relay;
  private RelayMode relayMode;
  private ConfigurableApplicationContext consumers;

  /**
   * Where the relay and the consumers serve their health and metrics (0: any free port, as in
   * tests).
   */
  public static final String RELAY_HTTP_PORT = "digitaltowns.local.relay-http-port";

  public static final String CONSUMERS_HTTP_PORT = "digitaltowns.local.consumers-http-port";

  private final String jwtSecret;
  private final String emailLinkSecret;

  private LocalSystem(LocalStack stack, String jdbcUrl, Map<String, Object> extraSettings) {
    this.stack = stack;
    this.jdbcUrl = jdbcUrl;
    this.extraSettings = extraSettings;
    LocalSecrets secrets = new LocalSecrets(stack.settings().dataDir());
    this.jwtSecret = secrets.named("jwt-secret");
    this.emailLinkSecret = secrets.named("email-link-secret");
  }

  /**
   * Starts the api, the relay and the consumers against already running servers.
   *
   * @param extraSettings extra settings (the api's port, say), on top of the servers' addresses;
   *     every service gets them and ignores those that are not its own
   */
  public static LocalSystem start(LocalStack stack, Map<String, Object> extraSettings) {
    return start(stack, stack.jdbcUrl(), extraSettings);
  }

  /**
   * Starts them against another database of the stack's PostgreSQL (a restore drill's restored
   * database, say).
   *
   * @param jdbcUrl the database every service uses instead of the stack's own
   */
  public static LocalSystem start(
      LocalStack stack, String jdbcUrl, Map<String, Object> extraSettings) {
    TopicCreator.ensure(stack.kafkaBootstrapServers(), Topics.all(stack.topicReplication()));
    LocalSystem system = new LocalSystem(stack, jdbcUrl, extraSettings);
    system.startApi();
    system.startRelay();
    system.startConsumers();
    return system;
  }

  public static void main(String[] args) {
    // one line per server, the banner, then the system's own lines (LOG_LEVEL_INFRA=debug for the
    // servers' detail)
    LocalLogLevels logLevels = LocalLogLevels.fromEnvironment(System.getenv());
    logLevels.apply();
    LocalStack stack = LocalStack.start(LocalStackSettings.fromEnvironment(Path.of(".local-data")));
    LocalSystem system;
    try {
      Map<String, Object> settings = new LinkedHashMap<>(logLevels.asSpringSettings());
      settings.put("server.port", System.getenv().getOrDefault("PORT", "8080"));
      settings.put(RELAY_HTTP_PORT, System.getenv().getOrDefault("RELAY_HTTP_PORT", "8082"));
      settings.put(
          CONSUMERS_HTTP_PORT, System.getenv().getOrDefault("CONSUMERS_HTTP_PORT", "8083"));
      settings.put("digitaltowns.demo.seed", true);
      // each application's start is one line of run() below, not Spring's three
      settings.put("spring.main.log-startup-info", false);
      system = start(stack, settings);
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  system.close();
                  stack.close();
                },
                "local-system-shutdown"));
    System.out.println(
        new StartupBanner(stack, system.apiUrl(), system.relayUrl(), system.consumersUrl())
            .render());
  }

  public String apiUrl() {
    return "http://localhost:" + api.getEnvironment().getProperty("local.server.port");
  }

  /** The relay's operator endpoints (/actuator/health, /actuator/prometheus). */
  public String relayUrl() {
    return relay == null
        ? null
        : "http://localhost:" + relay.getEnvironment().getProperty("local.server.port");
  }

  /** The consumers' operator endpoints (/actuator/health, /actuator/prometheus). */
  public String consumersUrl() {
    return consumers == null
        ? null
        : "http://localhost:" + consumers.getEnvironment().getProperty("local.server.port");
  }

  public LocalStack stack() {
    return stack;
  }

  public ConfigurableApplicationContext api() {
    return api;
  }

  public ConfigurableApplicationContext relay() {
    return relay;
  }

  public ConfigurableApplicationContext consumers() {
    return consumers;
  }

  public void startApi() {
    Map<String, Object> settings = common();
    // Checkout and the portal send the owner back to the site, so its port must be known before it
    // starts
    Object port = settings.get("server.port");
    if (port == null || "0".equals(port.toString())) {
      port = freePort();
      settings.put("server.port", port);
    }
    settings.putIfAbsent("digitaltowns.stripe.public-base-url", "http://localhost:" + port);
    api = run(ApiApplication.class, ApiApplication.CONFIG_NAME, settings);
    // a second system on the same servers (a restore drill) takes the stand-in's webhooks over
    // until it closes
    webhooksBefore = stack.stripe().webhookEndpoint();
    stack.stripe().deliverWebhooksTo(apiUrl() + "/api/stripe/webhook");
  }

  /** A port nothing listens on now, on the loopback interface. */
  public static int freePort() {
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("no free port", e);
    }
  }

  /** Also used by tests to restart the relay as a new process would. */
  public void startRelay() {
    relay = launchRelay();
  }

  /**
   * Starts one more relay instance (a standby while another holds the lock); the caller closes it.
   */
  public ConfigurableApplicationContext launchRelay() {
    return run(RelayApplication.class, RelayApplication.CONFIG_NAME, relaySettings());
  }

  /**
   * What a relay instance runs with; the fault tests give them to relays they run as processes of
   * their own.
   */
  public Map<String, Object> relaySettings() {
    Map<String, Object> settings = common();
    if (relayMode != null) {
      settings.put("digitaltowns.relay.mode", relayMode.name().toLowerCase());
    }
    settings.put("server.port", extraSettings.getOrDefault(RELAY_HTTP_PORT, 0));
    withoutApiSecurity(settings);
    return settings;
  }

  /**
   * Runs the relays started from now on in this mode (RELAY_MODE), restarting the running one if
   * its mode differs; tests run the relay's behaviour in both modes against one system.
   */
  public void useRelayMode(RelayMode mode) {
    RelayMode running = relay == null ? relayMode : relay.getBean(RelayProperties.class).mode();
    relayMode = mode;
    if (relay != null && running != mode) {
      stopRelay();
      startRelay();
    }
  }

  public void stopRelay() {
    closeQuietly(relay);
    relay = null;
  }

  public void startConsumers() {
    consumers = launchConsumers(null);
  }

  /**
   * Starts one more instance of every consumer group (the fault tests run two of each); the caller
   * closes it.
   *
   * @param instance a name for its local state (the analytics state stores), or null for the first
   *     instance
   */
  public ConfigurableApplicationContext launchConsumers(String instance) {
    return run(
        ConsumersApplication.class, ConsumersApplication.CONFIG_NAME, consumersSettings(instance));
  }

  /**
   * What an instance of every consumer group runs with; the fault tests give them to instances they
   * run as processes of their own.
   *
   * @param instance a name for its local state (the analytics state stores), or null for the first
   *     instance
   */
  public Map<String, Object> consumersSettings(String instance) {
    Map<String, Object> settings = common();
    // links in mails lead to this api, wherever it listens
    settings.put("digitaltowns.email.public-base-url", apiUrl());
    settings.put("server.port", extraSettings.getOrDefault(CONSUMERS_HTTP_PORT, 0));
    withoutApiSecurity(settings);
    // the backup group archives every topic to the local S3 (bucket digitaltowns-backups), as in
    // production
    settings.putIfAbsent("digitaltowns.consumers.backup.enabled", true);
    settings.put("digitaltowns.backup.storage.endpoint", stack.s3Endpoint());
    settings.put("digitaltowns.backup.storage.region", stack.s3Region());
    settings.put("digitaltowns.backup.storage.key-id", stack.s3AccessKey());
    settings.put("digitaltowns.backup.storage.app-key", stack.s3SecretKey());
    settings.put("digitaltowns.backup.storage.path-style", true);
    // an operator trying `ops backup list` after a journey sees it archived within seconds, not
    // production's 5 minutes
    settings.putIfAbsent(
        "digitaltowns.backup.archive.max-age",
        System.getenv().getOrDefault("BACKUP_ARCHIVE_MAX_AGE", "10s"));
    // the CRM read model: the api in this process serves the CRM endpoints from it
    settings.putIfAbsent("digitaltowns.consumers.crm.enabled", true);
    // deletions clean up after themselves: photos leave the local S3 (and Stripe subscriptions from
    // the stand-in)
    settings.putIfAbsent("digitaltowns.consumers.cleanup.enabled", true);
    settings.put("digitaltowns.photo-store.endpoint", stack.s3Endpoint());
    settings.put("digitaltowns.photo-store.region", stack.s3Region());
    settings.put("digitaltowns.photo-store.access-key-id", stack.s3AccessKey());
    settings.put("digitaltowns.photo-store.secret-access-key", stack.s3SecretKey());
    settings.put("digitaltowns.photo-store.path-style", true);
    // the analytics topology runs in-process too; its state stores live beside the other local data
    settings.putIfAbsent("digitaltowns.consumers.analytics.enabled", true);
    settings.putIfAbsent(
        "digitaltowns.consumers.analytics.state-dir",
        stack
            .settings()
            .dataDir()
            .resolve(instance == null ? "analytics-streams" : "analytics-streams-" + instance)
            .toAbsolutePath());
    return settings;
  }

  public void stopConsumers() {
    closeQuietly(consumers);
    consumers = null;
  }

  @Override
  public void close() {
    if (api != null
        && webhooksBefore != null
        && (apiUrl() + "/api/stripe/webhook").equals(stack.stripe().webhookEndpoint())) {
      stack.stripe().deliverWebhooksTo(webhooksBefore);
    }
    closeQuietly(consumers);
    closeQuietly(relay);
    closeQuietly(api);
  }

  private Map<String, Object> common() {
    Map<String, Object> settings = new LinkedHashMap<>(extraSettings);
    settings.put("spring.datasource.url", jdbcUrl);
    settings.put("spring.datasource.username", stack.databaseUser());
    settings.put("spring.datasource.password", stack.databasePassword());
    settings.put("spring.kafka.bootstrap-servers", stack.kafkaBootstrapServers());
    settings.put("digitaltowns.relay.kafka.bootstrap-servers", stack.kafkaBootstrapServers());
    settings.put("digitaltowns.ops.kafka-bootstrap-servers", stack.kafkaBootstrapServers());
    settings.put("digitaltowns.schema-registry.url", stack.schemaRegistryUrl());
    settings.put("spring.mail.host", stack.smtpHost());
    settings.put("spring.mail.port", stack.smtpPort());
    settings.put("spring.main.banner-mode", "off");
    settings.put("digitaltowns.storage.endpoint", stack.s3Endpoint());
    settings.put("digitaltowns.storage.region", stack.s3Region());
    settings.put("digitaltowns.storage.access-key-id", stack.s3AccessKey());
    settings.put("digitaltowns.storage.secret-access-key", stack.s3SecretKey());
    settings.put("digitaltowns.storage.path-style", true);
    // secrets of this data directory only (see LocalSecrets); production sets JWT_SECRET and
    // EMAIL_LINK_SECRET
    settings.put("digitaltowns.jwt.secret", jwtSecret);
    settings.put("digitaltowns.email-links.secret", emailLinkSecret);
    settings.put("digitaltowns.email.link-secret", emailLinkSecret);
    // billing is on, against the local Stripe stand-in (its key, webhook secret and price are made
    // up at each start);
    // the consumers' stripe-cleanup group cancels deleted businesses' subscriptions there too
    settings.putIfAbsent("digitaltowns.stripe.secret-key", stack.stripe().secretKey());
    settings.putIfAbsent("digitaltowns.stripe.webhook-secret", stack.stripe().webhookSecret());
    settings.putIfAbsent("digitaltowns.stripe.price-id", stack.stripe().priceId());
    settings.putIfAbsent("digitaltowns.stripe.api-base", stack.stripe().url());
    // the local SMTP server logs the login it invents for each recipient; keep mail addresses out
    // of the log
    settings.put("logging.level.com.icegreen.greenmail", "WARN");
    return settings;
  }

  /**
   * The relay and the consumers ship without Spring Security: their port is private, for operators
   * and the platform's probes. In this one JVM the api's security jars are on the classpath too and
   * would lock their actuator endpoints behind a generated password. The site's template engine
   * (JTE) is on the classpath too; they render no pages.
   */
  static void withoutApiSecurity(Map<String, Object> settings) {
    settings.put(
        "spring.autoconfigure.exclude",
        String.join(
            ",",
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration",
            "org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
            "gg.jte.springframework.boot.autoconfigure.JteAutoConfiguration",
            "gg.jte.springframework.boot.autoconfigure.ServletJteAutoConfiguration",
            "gg.jte.springframework.boot.autoconfigure.ReactiveJteAutoConfiguration"));
  }

  /**
   * Settings go in as command-line arguments: they must outrank each service's own config file, and
   * system properties would leak from one service into the others sharing this JVM.
   */
  static ConfigurableApplicationContext run(
      Class<?> application, String configName, Map<String, Object> settings) {
    List<String> args = arguments(configName, settings);
    long begin = System.nanoTime();
    ConfigurableApplicationContext context;
    try (StartProgress progress = StartProgress.of(log, configName)) {
      context =
          new SpringApplicationBuilder(application)
              .registerShutdownHook(false)
              .run(args.toArray(String[]::new));
    }
    // Spring's own start-up lines are below the local stack's log level: this one says the same in
    // one line
    log.info(
        "{} started on http://localhost:{} in {} ms",
        configName,
        context.getEnvironment().getProperty("local.server.port"),
        (System.nanoTime() - begin) / 1_000_000);
    return context;
  }

  /**
   * A service's command-line arguments: its config file's name, then the settings, which outrank
   * that file.
   */
  public static List<String> arguments(String configName, Map<String, Object> settings) {
    List<String> args = new ArrayList<>();
    args.add("--spring.config.name=" + configName);
    settings.forEach((key, value) -> args.add("--" + key + "=" + value));
    return args;
  }

  private static void closeQuietly(ConfigurableApplicationContext context) {
    if (context != null && context.isActive()) {
      context.close();
    }
  }
}
