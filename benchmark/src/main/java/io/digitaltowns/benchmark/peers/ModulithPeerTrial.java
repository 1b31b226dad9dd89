package io.digitaltowns.benchmark.peers;

import io.digitaltowns.infra.LocalStack;
import io.digitaltowns.infra.LocalStackSettings;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs peer (b), {@link ModulithPeer}, alone on an ephemeral {@link LocalStack}: backlog drain,
 * then steady state. Sizes: -Dbench.backlog (100,000), -Dbench.steadyRate (200/s),
 * -Dbench.steadySeconds (30). Prints the result and writes it to modulith-peer.txt in the directory
 * given as first argument.
 */
public final class ModulithPeerTrial {

  public static void main(String[] args) throws Exception {
    int backlog = Integer.getInteger("bench.backlog", 100_000);
    int rate = Integer.getInteger("bench.steadyRate", 200);
    int seconds = Integer.getInteger("bench.steadySeconds", 30);
    Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
    Files.createDirectories(out);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("startedAt", Instant.now().toString());
    // Modulith must stay out of this JVM (it would change the contexts the benchmark starts here)
    report.put(
        "modulithClassLoadableInBenchmarkJvm",
        onClasspath("org.springframework.modulith.events.Externalized"));
    report.put(
        "modulithJarsOnBenchmarkClasspath",
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(
                entry ->
                    entry.contains("spring-modulith") || entry.contains("benchmark-modulith-peer"))
            .toList());
    report.put("peerExtraArguments", ModulithPeer.extraArguments());
    report.put("loadAverageAtStart", loadAverage());
    int code = 0;
    try (LocalStack stack = LocalStack.start(LocalStackSettings.ephemeral());
        ModulithPeer peer =
            ModulithPeer.prepare(
                stack.jdbcUrl(),
                stack.databaseUser(),
                stack.databasePassword(),
                stack.kafkaBootstrapServers(),
                out.resolve("modulith-peer"))) {
      long t = System.nanoTime();
      peer.insertBacklog(backlog);
      report.put("backlogInsertSeconds", Math.round((System.nanoTime() - t) / 1e7) / 100.0);
      step(report, "drain", () -> peer.drain(backlog, Duration.ofMinutes(40)));
      step(report, "steady", () -> peer.steady(rate, seconds));
      peer.stop();
      report.put("peerPeakRssKb", peer.peakRssKb());
    } catch (Exception e) {
      e.printStackTrace();
      report.put("error", String.valueOf(e));
      code = 1;
    }
    StringBuilder text = new StringBuilder();
    write(report, "", text);
    Files.writeString(out.resolve("modulith-peer.txt"), text);
    System.out.println("[bench] modulith peer:\n" + text);
    System.exit(code);
  }

  private interface Step {
    Map<String, Object> run() throws Exception;
  }

  private static void step(Map<String, Object> report, String name, Step step) throws Exception {
    System.out.println("[bench] === modulith peer " + name + " ===");
    Map<String, Object> result = step.run();
    result.put("loadAverageAfter", loadAverage());
    System.out.println("[bench] " + name + ": " + result);
    report.put(name, result);
  }

  /**
   * The other builds on the shared 2-core machine show here: the figures are only as good as this.
   */
  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return null; // not Linux
    }
  }

  private static boolean onClasspath(String className) {
    try {
      Class.forName(className, false, ModulithPeerTrial.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static void write(Map<?, ?> map, String indent, StringBuilder out) {
    map.forEach(
        (key, value) -> {
          if (value instanceof Map<?, ?> inner) {
            out.append(indent).append(key).append(":\n");
            write(inner, indent + "  ", out);
          } else {
            out.append(indent).append(key).append(": ").append(value).append('\n');
          }
        });
  }
}
