package io.digitaltowns.stack.faults;

import io.digitaltowns.infra.process.ChildJvm;
import io.digitaltowns.stack.LocalSystem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One of the system's Spring Boot services (a relay, an instance of every consumer group) run as a
 * {@link ChildJvm} with the settings its in-process sibling gets, so that a fault can SIGKILL it
 * like a crashed machine: its database session (and the relay's leadership lock with it) ends when
 * PostgreSQL sees the connection drop, and its Kafka group membership when the coordinator sees the
 * session time out, as in production, not through a clean close.
 */
final class ServiceProcess {

  /** A JVM started on a loaded two-core machine beside three brokers takes its time. */
  static final Duration START_DEADLINE = Duration.ofMinutes(3);

  private static final String AVRO_TRUSTED = "org.apache.avro.SERIALIZABLE_PACKAGES";
  private static final Pattern ACTIVE_RELAY = Pattern.compile("\"role\"\\s*:\\s*\"active\"");

  private final ChildJvm jvm;
  private final String url;
  private final Path log;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  private ServiceProcess(ChildJvm jvm, String url, Path log) {
    this.jvm = jvm;
    this.url = url;
    this.log = log;
  }

  /**
   * Starts it without waiting ({@link #awaitReady()} waits), so that several start side by side.
   *
   * @param name its log file's name in {@code logs}
   * @param maxHeap its {@code -Xmx}
   */
  static ServiceProcess launch(
      String name,
      Class<?> application,
      String configName,
      Map<String, Object> settings,
      Path logs,
      String maxHeap) {
    int port = LocalSystem.freePort();
    Map<String, Object> all = new LinkedHashMap<>(settings);
    all.put("server.port", port);
    // the serial collector and C1 only: a few more JVMs beside three brokers on two cores
    List<String> options =
        new ArrayList<>(
            List.of(
                "-Xmx" + maxHeap,
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true"));
    String trusted = System.getProperty(AVRO_TRUSTED);
    if (trusted != null) {
      options.add("-D" + AVRO_TRUSTED + "=" + trusted);
    }
    Path log = logs.resolve(name + ".log");
    ChildJvm jvm =
        ChildJvm.start(
            name, options, application.getName(), LocalSystem.arguments(configName, all), log);
    return new ServiceProcess(jvm, "http://localhost:" + port, log);
  }

  /** Waits until its readiness probe says UP (its listeners and engine are started). */
  ServiceProcess awaitReady() {
    Polling.until(
        jvm.name() + " ready (" + log + ")", () -> !jvm.isAlive() || answers200(), START_DEADLINE);
    if (!jvm.isAlive()) {
      throw new IllegalStateException(jvm + " ended before it was ready: see " + log);
    }
    return this;
  }

  /** A relay that holds the leadership lock and streams (its health's role is "active"). */
  boolean isActiveRelay() {
    if (!jvm.isAlive()) {
      return false;
    }
    try {
      HttpResponse<String> health =
          http.send(
              HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return ACTIVE_RELAY.matcher(health.body()).find();
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** SIGKILL, whatever it is in the middle of. */
  void kill() {
    jvm.kill();
  }

  /** SIGTERM (its graceful shutdown); {@link #awaitStopped()} waits for it. */
  void beginStop() {
    jvm.beginStop();
  }

  void awaitStopped() {
    jvm.awaitStopped();
  }

  private boolean answers200() {
    try {
      return http.send(
                  HttpRequest.newBuilder(URI.create(url + "/actuator/health/readiness"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException notListeningYet) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + jvm, e);
    }
  }

  @Override
  public String toString() {
    return jvm.toString();
  }
}
