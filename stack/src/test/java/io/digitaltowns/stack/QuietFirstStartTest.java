package io.digitaltowns.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: the README's first start printed about 4,300 lines (broker, controller and coordinator
 * chatter) before the banner that says where things are. The local system is started as the README
 * starts it (its main class, a fresh data directory, a JVM of its own) and what it prints before
 * the banner is counted.
 */
class QuietFirstStartTest {

  private static final String BANNER = "DigitalTowns is running";
  private static final int MOST_LINES_BEFORE_THE_BANNER = 60;

  /**
   * A line at INFO or DEBUG and its logger, in logback's default pattern and in the one set below.
   */
  private static final Pattern BELOW_WARN = Pattern.compile("\\b(INFO|DEBUG|TRACE)\\s+(\\S+)");

  @Test
  void a_first_start_prints_a_line_per_server_and_the_banner_within_sixty_lines() throws Exception {
    Path workingDirectory = Files.createTempDirectory("first-start");
    ProcessBuilder launch =
        new ProcessBuilder(javaCommand())
            .directory(workingDirectory.toFile())
            .redirectErrorStream(true);
    Map<String, String> environment = launch.environment();
    environment.remove("LOG_LEVEL_INFRA");
    // Spring's console pattern shortens logger names (i.d.c.… is Debezium or the consumers): print
    // them whole here
    environment.put("LOGGING_PATTERN_CONSOLE", "%d{HH:mm:ss.SSS} %-5level %logger - %msg%n");
    for (String port :
        List.of(
            "POSTGRES_PORT",
            "KAFKA_PORT",
            "KAFKA_CONTROLLER_PORT",
            "SCHEMA_REGISTRY_PORT",
            "SMTP_PORT",
            "MAIL_API_PORT",
            "S3_PORT",
            "PORT",
            "RELAY_HTTP_PORT",
            "CONSUMERS_HTTP_PORT")) {
      environment.put(port, String.valueOf(freePort()));
    }
    Process system = launch.start();
    try {
      CompletableFuture<List<String>> untilBanner =
          CompletableFuture.supplyAsync(() -> linesUntilBanner(system));
      List<String> lines = untilBanner.get(10, TimeUnit.MINUTES);

      assertThat(lines)
          .as("what the first start printed before the banner:%n%s", String.join("\n", lines))
          .hasSizeLessThanOrEqualTo(MOST_LINES_BEFORE_THE_BANNER);
      for (String started :
          List.of(
              "PostgreSQL started on",
              "Kafka started on",
              "Schema registry started on",
              "SMTP started on",
              "S3 started on",
              "api started on",
              "relay started on",
              "consumers started on")) {
        assertThat(lines)
            .as("a line for: " + started)
            .anySatisfy(line -> assertThat(line).contains(started).contains(" ms"));
      }
      // below WARN only the system's own loggers speak (Kafka, Debezium, PostgreSQL, Spring's
      // start-up are quiet)
      List<String> infoLoggers = new ArrayList<>();
      for (String line : lines) {
        Matcher info = BELOW_WARN.matcher(line);
        if (info.find()) {
          infoLoggers.add(info.group(2));
        }
      }
      assertThat(infoLoggers)
          .isNotEmpty()
          .allSatisfy(logger -> assertThat(logger).startsWith("io.digitaltowns."));
      // the figure for docs/reliability.md
      System.out.printf(
          "first start: %d lines before the banner%n%s%n", lines.size(), String.join("\n", lines));
    } finally {
      system.destroy();
      if (!system.waitFor(60, TimeUnit.SECONDS)) {
        system.destroyForcibly();
      }
    }
  }

  private static List<String> linesUntilBanner(Process system) {
    List<String> lines = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(system.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.contains(BANNER)) {
          return lines;
        }
        lines.add(line);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    throw new AssertionError(
        "the system stopped before its banner; it printed:\n" + String.join("\n", lines));
  }

  /**
   * The JVM the README's spring-boot:run forks: the module's classpath, the Avro trusted packages,
   * LocalSystem.
   */
  private static List<String> javaCommand() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String trusted = System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES");
    if (trusted != null) {
      command.add("-Dorg.apache.avro.SERIALIZABLE_PACKAGES=" + trusted);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(LocalSystem.class.getName());
    return command;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
