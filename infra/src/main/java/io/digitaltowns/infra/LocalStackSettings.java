package io.digitaltowns.infra;

import io.digitaltowns.infra.kafka.KafkaNodePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Where the local stack keeps its data and which ports its servers listen on. */
public record LocalStackSettings(
    Path dataDir,
    int postgresPort,
    int kafkaPort,
    int kafkaControllerPort,
    int schemaRegistryPort,
    int smtpPort,
    int mailApiPort,
    int s3Port,
    int stripePort,
    int kafkaBrokers) {

  /**
   * One Kafka broker in this JVM, the default: fast to start, enough for everything but the cluster
   * tests.
   */
  public LocalStackSettings(
      Path dataDir,
      int postgresPort,
      int kafkaPort,
      int kafkaControllerPort,
      int schemaRegistryPort,
      int smtpPort,
      int mailApiPort,
      int s3Port,
      int stripePort) {
    this(
        dataDir,
        postgresPort,
        kafkaPort,
        kafkaControllerPort,
        schemaRegistryPort,
        smtpPort,
        mailApiPort,
        s3Port,
        stripePort,
        1);
  }

  public LocalStackSettings {
    if (kafkaBrokers < 1) {
      throw new IllegalArgumentException(
          "LOCAL_KAFKA_BROKERS must be 1 or more, was " + kafkaBrokers);
    }
  }

  /**
   * The ports of each Kafka node: node 1 on the Kafka ports, node n on both shifted by 2(n-1), so
   * that the defaults give 9092/9093, 9094/9095, 9096/9097.
   */
  public List<KafkaNodePorts> kafkaNodes() {
    List<KafkaNodePorts> nodes = new ArrayList<>();
    for (int i = 0; i < kafkaBrokers; i++) {
      nodes.add(new KafkaNodePorts(kafkaPort + 2 * i, kafkaControllerPort + 2 * i));
    }
    return nodes;
  }

  /**
   * Fixed ports (overridable by environment variables) and a data directory that outlives the
   * process.
   */
  public static LocalStackSettings fromEnvironment(Path dataDir) {
    return fromEnvironment(dataDir, System.getenv());
  }

  static LocalStackSettings fromEnvironment(Path dataDir, Map<String, String> env) {
    return new LocalStackSettings(
        dataDir,
        port(env, "POSTGRES_PORT", 15432),
        port(env, "KAFKA_PORT", 9092),
        port(env, "KAFKA_CONTROLLER_PORT", 9093),
        port(env, "SCHEMA_REGISTRY_PORT", 8081),
        port(env, "SMTP_PORT", 2525),
        port(env, "MAIL_API_PORT", 8025),
        port(env, "S3_PORT", 9000),
        // stripe-mock's port: the local Stripe stand-in
        port(env, "STRIPE_STANDIN_PORT", 12111),
        brokers(env));
  }

  /**
   * A throw-away stack for tests: random free ports, so that it never clashes with a stack a
   * developer has running, and a fresh temporary data directory removed when the JVM exits.
   */
  public static LocalStackSettings ephemeral() {
    return ephemeral(1);
  }

  /**
   * A throw-away stack whose Kafka is a cluster of {@code kafkaBrokers} child processes (one in
   * this JVM if 1).
   */
  public static LocalStackSettings ephemeral(int kafkaBrokers) {
    Path dataDir = temporaryDataDir();
    Set<Integer> taken = new HashSet<>();
    int kafkaPorts = freePortBlock(taken, 2 * kafkaBrokers);
    // the block is laid out as kafkaNodes() reads it: node n's client port, then its controller
    // port
    return new LocalStackSettings(
        dataDir,
        freePort(taken),
        kafkaPorts,
        kafkaPorts + 1,
        freePort(taken),
        freePort(taken),
        freePort(taken),
        freePort(taken),
        freePort(taken),
        kafkaBrokers);
  }

  private static int brokers(Map<String, String> env) {
    String value = env.get("LOCAL_KAFKA_BROKERS");
    if (value == null || value.isBlank()) {
      return 1;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "LOCAL_KAFKA_BROKERS must be a number of brokers, was '" + value + "'", e);
    }
  }

  /** {@code size} consecutive ports that are free now. */
  private static int freePortBlock(Set<Integer> taken, int size) {
    for (int attempt = 0; attempt < 100; attempt++) {
      int first = freePort(taken);
      if (first + size > 65535) {
        continue;
      }
      boolean free = true;
      for (int port = first + 1; port < first + size && free; port++) {
        free = !taken.contains(port) && isFree(port);
      }
      if (free) {
        for (int port = first; port < first + size; port++) {
          taken.add(port);
        }
        return first;
      }
    }
    throw new IllegalStateException("no block of " + size + " free ports found");
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int port(Map<String, String> env, String name, int defaultPort) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return defaultPort;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a port number, was '" + value + "'", e);
    }
  }

  private static int freePort(Set<Integer> taken) {
    // The socket closes before the server binds, so another process could grab the port in between;
    // a collision inside this stack is ruled out by remembering what we already handed out.
    while (true) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        socket.setReuseAddress(true);
        int port = socket.getLocalPort();
        if (taken.add(port)) {
          return port;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("no free port available", e);
      }
    }
  }

  private static Path temporaryDataDir() {
    try {
      Path dir = Files.createTempDirectory("digitaltowns-stack-");
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> deleteQuietly(dir), "delete-" + dir.getFileName()));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary data directory", e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // best effort: the OS cleans temporary directories eventually
    }
  }
}
