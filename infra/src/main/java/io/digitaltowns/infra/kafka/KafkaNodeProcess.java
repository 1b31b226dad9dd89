package io.digitaltowns.infra.kafka;

import io.digitaltowns.infra.process.ChildJvm;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * One node of a {@link KafkaCluster}: a {@link ChildJvm} running a combined KRaft broker and
 * controller ({@code kafka.Kafka}), with its own directory (server.properties, log directory,
 * broker.log) so that a restart finds its data again.
 */
final class KafkaNodeProcess {

  private final int nodeId;
  private final Path directory;
  private final KafkaNodePorts ports;
  private final Properties properties;
  private ChildJvm jvm;
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
    jvm =
        ChildJvm.start(
            "Kafka node " + nodeId,
            List.of(
                // Small heaps and the serial collector: three brokers share a 2-core machine with
                // the system under test.
                "-Xms64m",
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true",
                "-Dlogback.configurationFile=" + directory.resolve("logback.xml").toAbsolutePath()),
            "kafka.Kafka",
            List.of(serverProperties().toAbsolutePath().toString()),
            logFile());
    paused = false;
  }

  /**
   * SIGKILL: no controlled shutdown, no flush; what a crashed machine looks like to the rest of the
   * cluster.
   */
  synchronized void kill() {
    if (jvm == null) {
      return;
    }
    jvm.kill();
    jvm = null;
    paused = false;
  }

  /** SIGTERM: the broker hands over its leaderships (controlled shutdown) before it exits. */
  synchronized void beginStop() {
    if (jvm == null) {
      return;
    }
    if (paused) {
      resume();
    }
    jvm.beginStop();
  }

  /**
   * Waits for a stop begun by {@link #beginStop()}, killing the node if it does not exit in time.
   */
  synchronized void awaitStopped() {
    if (jvm == null) {
      return;
    }
    jvm.awaitStopped();
    jvm = null;
    paused = false;
  }

  /**
   * SIGSTOP: the process stays, holds its ports and answers nothing; what a network partition looks
   * like to the others.
   */
  synchronized void pause() {
    running().pause();
    paused = true;
  }

  /** SIGCONT after {@link #pause()}. */
  synchronized void resume() {
    running().resume();
    paused = false;
  }

  synchronized boolean isAlive() {
    return jvm != null && jvm.isAlive();
  }

  synchronized boolean isPaused() {
    return paused;
  }

  synchronized long pid() {
    return running().pid();
  }

  private ChildJvm running() {
    if (jvm == null) {
      throw new IllegalStateException("Kafka node " + nodeId + " is not running");
    }
    return jvm;
  }

  private Path serverProperties() {
    return directory.resolve("server.properties");
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
