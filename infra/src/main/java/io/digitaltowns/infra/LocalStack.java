package io.digitaltowns.infra;

import io.digitaltowns.events.catalog.TopicCreator;
import io.digitaltowns.events.catalog.TopicReplication;
import io.digitaltowns.events.catalog.Topics;
import io.digitaltowns.infra.kafka.KafkaBroker;
import io.digitaltowns.infra.kafka.KafkaCluster;
import io.digitaltowns.infra.kafka.KafkaServers;
import io.digitaltowns.infra.logging.StartProgress;
import io.digitaltowns.infra.mail.MailServer;
import io.digitaltowns.infra.objectstore.ObjectStoreServer;
import io.digitaltowns.infra.postgres.PostgresServer;
import io.digitaltowns.infra.registry.SchemaRegistryServer;
import io.digitaltowns.infra.stripe.StripeStandIn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every server the system needs, running in this JVM from Maven artifacts: PostgreSQL (logical
 * WAL), a KRaft Kafka broker, a Confluent-compatible schema registry, SMTP with a JSON inbox, an
 * S3-compatible store, and a stand-in for Stripe's API, Checkout and customer portal.
 */
public final class LocalStack implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

  private static LocalStack shared;
  private static LocalStack sharedCluster;

  private final LocalStackSettings settings;
  private final PostgresServer postgres;
  private final KafkaServers kafka;
  private final SchemaRegistryServer schemaRegistry;
  private final MailServer mail;
  private final ObjectStoreServer objectStore;
  private final StripeStandIn stripe;

  /** What has started, most recent first, so that close() and a failed start undo exactly that. */
  private final Deque<Stoppable> started = new ArrayDeque<>();

  private LocalStack(LocalStackSettings settings) {
    this.settings = settings;
    this.postgres =
        new PostgresServer(settings.dataDir().resolve("postgres"), settings.postgresPort());
    this.kafka =
        settings.kafkaBrokers() == 1
            ? new KafkaBroker(
                settings.dataDir().resolve("kafka"),
                settings.kafkaPort(),
                settings.kafkaControllerPort())
            : new KafkaCluster(settings.dataDir().resolve("kafka-cluster"), settings.kafkaNodes());
    this.schemaRegistry =
        new SchemaRegistryServer(
            kafka.bootstrapServers(),
            settings.schemaRegistryPort(),
            TopicReplication.forBrokers(kafka.brokerCount()));
    this.mail = new MailServer(settings.smtpPort(), settings.mailApiPort());
    this.objectStore = new ObjectStoreServer(settings.dataDir().resolve("s3"), settings.s3Port());
    this.stripe = new StripeStandIn(settings.stripePort());
  }

  /**
   * Starts PostgreSQL, Kafka, the schema registry, SMTP and S3, in that order; stops what started
   * if one fails.
   */
  public static LocalStack start(LocalStackSettings settings) {
    createDataDir(settings);
    LocalStack stack = new LocalStack(settings);
    try {
      stack.startAll();
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
    return stack;
  }

  /**
   * The stack shared by all tests of this JVM: started (on random ports, in a temporary directory)
   * by the first call, with every project topic created, and closed when the JVM exits.
   */
  public static synchronized LocalStack shared() {
    if (shared == null) {
      LocalStack stack = start(LocalStackSettings.ephemeral());
      TopicCreator.ensure(stack.kafkaBootstrapServers(), Topics.all(stack.topicReplication()));
      Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-shutdown"));
      shared = stack;
    }
    return shared;
  }

  /**
   * A second shared stack whose Kafka is a three-broker cluster of child processes (replication
   * factor 3, min.insync.replicas 2), for the tests that kill, restart or pause brokers; started
   * once per test JVM.
   */
  public static synchronized LocalStack sharedCluster() {
    if (sharedCluster == null) {
      LocalStack stack = start(LocalStackSettings.ephemeral(3));
      TopicCreator.ensure(stack.kafkaBootstrapServers(), Topics.all(stack.topicReplication()));
      Runtime.getRuntime()
          .addShutdownHook(new Thread(stack::close, "local-cluster-stack-shutdown"));
      sharedCluster = stack;
    }
    return sharedCluster;
  }

  private void startAll() {
    long begin = System.nanoTime();
    startLogged(
        "PostgreSQL",
        postgres::start,
        postgres::stop,
        () -> jdbcUrl() + " (data in " + postgres.dataDirectory() + ")");
    startLogged("Kafka", kafka::start, kafka::stop, this::kafkaDescription);
    startLogged(
        "Schema registry", schemaRegistry::start, schemaRegistry::stop, this::schemaRegistryUrl);
    startLogged(
        "SMTP",
        mail::start,
        mail::close,
        () -> "smtp://" + smtpHost() + ":" + smtpPort() + ", inbox " + inboxUrl());
    startLogged(
        "S3",
        objectStore::start,
        objectStore::stop,
        () -> s3Endpoint() + " (data in " + objectStore.directory() + ")");
    startLogged("Stripe stand-in", stripe::start, stripe::stop, stripe::url);
    writeStripeAdminToken();
    log.info("Local stack started in {} ms", (System.nanoTime() - begin) / 1_000_000);
  }

  private String kafkaDescription() {
    if (kafka instanceof KafkaCluster cluster) {
      return kafkaBootstrapServers()
          + " ("
          + cluster.brokerCount()
          + " brokers, data in "
          + cluster.dataDirectory()
          + ")";
    }
    return kafkaBootstrapServers() + " (controller :" + settings.kafkaControllerPort() + ")";
  }

  private void startLogged(
      String name, Runnable start, Runnable stop, java.util.function.Supplier<String> where) {
    long begin = System.nanoTime();
    try (StartProgress progress = StartProgress.of(log, name)) {
      start.run();
    }
    started.push(new Stoppable(name, stop));
    log.info(
        "{} started on {} in {} ms", name, where.get(), (System.nanoTime() - begin) / 1_000_000);
  }

  /**
   * Stops the servers in reverse order; a server that fails to stop does not keep the others
   * running.
   */
  @Override
  public synchronized void close() {
    while (!started.isEmpty()) {
      Stoppable server = started.pop();
      try {
        server.stop().run();
      } catch (RuntimeException e) {
        log.warn("{} did not stop cleanly", server.name(), e);
      }
    }
  }

  /**
   * The stand-in's operator token (advance the test clock, shuffle deliveries), its API key and its
   * webhook secret go in files only this user can read, not in the log: an api started apart from
   * this stack reads them there.
   */
  private void writeStripeAdminToken() {
    writePrivate(stripeAdminTokenFile(), stripe.adminToken());
    writePrivate(stripeAdminTokenFile().resolveSibling("secret-key"), stripe.secretKey());
    writePrivate(stripeAdminTokenFile().resolveSibling("webhook-secret"), stripe.webhookSecret());
  }

  private static void writePrivate(Path file, String value) {
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, value + System.lineSeparator());
    } catch (IOException | UnsupportedOperationException e) {
      throw new IllegalStateException("cannot write " + file, e);
    }
  }

  /** Where the Stripe stand-in's operator token is written at each start. */
  public Path stripeAdminTokenFile() {
    return settings.dataDir().resolve("stripe-standin").resolve("admin-token").toAbsolutePath();
  }

  private static void createDataDir(LocalStackSettings settings) {
    try {
      Files.createDirectories(settings.dataDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + settings.dataDir(), e);
    }
  }

  public LocalStackSettings settings() {
    return settings;
  }

  public String jdbcUrl() {
    return postgres.jdbcUrl();
  }

  public String databaseUser() {
    return postgres.user();
  }

  public String databasePassword() {
    return postgres.password();
  }

  public String kafkaBootstrapServers() {
    return kafka.bootstrapServers();
  }

  public String schemaRegistryUrl() {
    return schemaRegistry.url();
  }

  public String smtpHost() {
    return mail.host();
  }

  public int smtpPort() {
    return mail.smtpPort();
  }

  /** The inbox page: the mails received, each shown as a mail client would. */
  public String inboxUrl() {
    return mail.inboxUrl();
  }

  public String mailApiUrl() {
    return mail.apiUrl();
  }

  public String s3Endpoint() {
    return objectStore.endpoint();
  }

  public String s3AccessKey() {
    return objectStore.accessKey();
  }

  public String s3SecretKey() {
    return objectStore.secretKey();
  }

  public String s3Region() {
    return objectStore.region();
  }

  public PostgresServer postgres() {
    return postgres;
  }

  /**
   * The replication this stack's Kafka can give its topics: 1/1 on one broker, 3/2 on a cluster of
   * three.
   */
  public TopicReplication topicReplication() {
    return TopicReplication.forBrokers(kafka.brokerCount());
  }

  public KafkaServers kafka() {
    return kafka;
  }

  /**
   * The cluster, when this stack runs one ({@code LOCAL_KAFKA_BROKERS} above 1, or {@link
   * #sharedCluster()}).
   */
  public KafkaCluster kafkaCluster() {
    if (kafka instanceof KafkaCluster cluster) {
      return cluster;
    }
    throw new IllegalStateException("this stack runs a single Kafka broker, not a cluster");
  }

  public SchemaRegistryServer schemaRegistry() {
    return schemaRegistry;
  }

  public MailServer mail() {
    return mail;
  }

  public ObjectStoreServer objectStore() {
    return objectStore;
  }

  public StripeStandIn stripe() {
    return stripe;
  }

  private record Stoppable(String name, Runnable stop) {}
}
