package io.digitaltowns.infra.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (KRaft, combined broker and controller) running inside this JVM, on
 * fixed ports, with its log directory under the stack's data directory so that topics and offsets
 * survive a restart.
 */
public final class KafkaBroker implements KafkaServers {

  private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final Path logDirectory;
  private final int port;
  private final int controllerPort;
  private KafkaRaftServer server;

  public KafkaBroker(Path logDirectory, int port, int controllerPort) {
    this.logDirectory = logDirectory;
    this.port = port;
    this.controllerPort = controllerPort;
  }

  @Override
  public synchronized void start() {
    if (server != null) {
      return;
    }
    keepKafkaFromEndingTheJvm();
    Properties properties = BrokerProperties.singleNode(logDirectory, port, controllerPort);
    new KraftStorage(logDirectory).formatIfNeeded(properties);
    KafkaRaftServer starting =
        new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
    try {
      starting.startup();
      awaitReady();
    } catch (RuntimeException e) {
      shutDown(starting);
      throw e;
    }
    server = starting;
  }

  @Override
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    try {
      shutDown(server);
    } finally {
      server = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return server != null;
  }

  @Override
  public int brokerCount() {
    return 1;
  }

  @Override
  public String bootstrapServers() {
    return "localhost:" + port;
  }

  public int port() {
    return port;
  }

  public int controllerPort() {
    return controllerPort;
  }

  public Path logDirectory() {
    return logDirectory;
  }

  private static void shutDown(KafkaRaftServer raftServer) {
    raftServer.shutdown();
    raftServer.awaitShutdown();
  }

  /**
   * startup() returns before the broker is unfenced; clients that connect earlier see spurious
   * errors.
   */
  private void awaitReady() {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG,
                "broker-readiness"))) {
      admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("Kafka did not become ready on " + bootstrapServers(), e);
    }
  }

  /**
   * The broker calls Exit.exit/halt on fatal errors, which would kill a test JVM or the stack
   * launcher together with every other server in it. In-process, a loud log line is the better
   * failure.
   */
  private static void keepKafkaFromEndingTheJvm() {
    Exit.setExitProcedure(
        (status, message) ->
            log.error(
                "Kafka asked to exit the JVM with status {}: {} (ignored: the broker runs in-process)",
                status,
                message));
    Exit.setHaltProcedure(
        (status, message) ->
            log.error(
                "Kafka asked to halt the JVM with status {}: {} (ignored: the broker runs in-process)",
                status,
                message));
  }
}
