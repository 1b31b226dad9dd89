package io.digitaltowns.infra.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * One node of a {@link KafkaCluster}: a {@code java} child process running a combined KRaft broker
 * and controller, with its own directory (server.properties, log directory, broker.log) so that a
 * restart finds its data again.
 */
final class KafkaNodeProcess {

  private static final long STOP_SECONDS = 30;

  private final int nodeId;
  private final Path directory;
  private final KafkaNodePorts ports;
  private final Properties properties;
  private Process process;
  private boolean paused;

  KafkaNodeProcess(int nodeId, Path directory, KafkaNodePorts ports, Properties properties) {
    this.nodeId = nodeId;
    this.directory = directory;
    this.ports = ports;
    this.properties = properties;
  }

  int nodeId() {
    return nodeId;
  }

  KafkaNodePorts ports() {
    return ports;
  }

  String bootstrapServer() {
    return "localhost:" + ports.port();
  }

  Path logDirectory() {
    return directory.resolve("data");
  }

  Path logFile() {
    return directory.resolve("broker.log");
  }

  /**
   * Writes the node's configuration and formats its log directory with the cluster's id unless it
   * holds data already.
   */
  void prepare(String clusterId) {
    try {
      Files.createDirectories(directory);
      try (OutputStream out = Files.newOutputStream(serverProperties())) {
        properties.store(out, "node " + nodeId + " of the local Kafka cluster");
      }
      Files.writeString(directory.resolve("logback.xml"), LOGBACK, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + directory, e);
    }
    new KraftStorage(logDirectory()).formatIfNeeded(properties, clusterId);
  }

  synchronized void start() {
    if (isAlive()) {
      return;
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            // Small heaps and the serial collector: three brokers share a 2-core machine with the
            // system under test.
            "-Xms64m",
            "-Xmx384m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Djava.awt.headless=true",
            "-Dlogback.configurationFile=" + directory.resolve("logback.xml").toAbsolutePath(),
            "-cp",
            System.getProperty("java.class.path"),
            KafkaNodeMain.class.getName(),
            Long.toString(ProcessHandle.current().pid()),
            serverProperties().toAbsolutePath().toString());
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(Redirect.appendTo(logFile().toFile()))
              .start();
      paused = false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Kafka node " + nodeId, e);
    }
  }

  /**
   * SIGKILL: no controlled shutdown, no flush; what a crashed machine looks like to the rest of the
   * cluster.
   */
  synchronized void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    awaitExit(process, STOP_SECONDS);
    process = null;
    paused = false;
  }

  /** SIGTERM: the broker hands over its leaderships (controlled shutdown) before it exits. */
  synchronized void beginStop() {
    if (process == null) {
      return;
    }
    if (paused) {
      resume();
    }
    process.destroy();
  }

  /**
   * Waits for a stop begun by {@link #beginStop()}, killing the node if it does not exit in time.
   */
  synchronized void awaitStopped() {
    if (process == null) {
      return;
    }
    if (!awaitExit(process, STOP_SECONDS)) {
      process.destroyForcibly();
      awaitExit(process, STOP_SECONDS);
    }
    process = null;
    paused = false;
  }

  /**
   * SIGSTOP: the process stays, holds its ports and answers nothing; what a network partition looks
   * like to the others.
   */
  synchronized void pause() {
    signal("STOP");
    paused = true;
  }

  /** SIGCONT after {@link #pause()}. */
  synchronized void resume() {
    signal("CONT");
    paused = false;
  }

  synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  synchronized boolean isPaused() {
    return paused;
  }

  synchronized long pid() {
    if (process == null) {
      throw new IllegalStateException("Kafka node " + nodeId + " is not running");
    }
    return process.pid();
  }

  private void signal(String signal) {
    long pid = pid();
    try {
      Process kill =
          new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
              .redirectErrorStream(true)
              .start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException(
            "kill -"
                + signal
                + " "
                + pid
                + " failed: "
                + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot signal Kafka node " + nodeId, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while signalling Kafka node " + nodeId, e);
    }
  }

  private Path serverProperties() {
    return directory.resolve("server.properties");
  }

  private static boolean awaitExit(Process process, long seconds) {
    try {
      return process.waitFor(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * The node logs warnings to broker.log in its directory; INFO from three brokers would drown
   * everything else.
   */
  private static final String LOGBACK =
      """
            <configuration>
              <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
              </appender>
              <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
              <logger name="kafka.server.BrokerServer" level="INFO"/>
              <root level="WARN"><appender-ref ref="OUT"/></root>
            </configuration>
            """;
}
