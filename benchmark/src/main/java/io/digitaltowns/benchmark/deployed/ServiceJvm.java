package io.digitaltowns.benchmark.deployed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service as Render runs it: {@code java $JAVA_OPTS -Dorg.apache.avro.SERIALIZABLE_PACKAGES=...
 * -jar <service>.jar} (the Dockerfile's {@code bin/run}) with the Dockerfile's JAVA_OPTS and {@code
 * -XX:MaxRAM=512m} for the starter plan's memory, its settings in the environment as in
 * render.yaml. Adds only {@code -Xlog:gc} to a file, for the pauses.
 */
public final class ServiceJvm implements AutoCloseable {

  /** The Dockerfile's -Dorg.apache.avro.SERIALIZABLE_PACKAGES. */
  static final String AVRO_PACKAGES =
      "io.digitaltowns.events.accounts,io.digitaltowns.events.analytics,"
          + "io.digitaltowns.events.billing,io.digitaltowns.events.businesses,io.digitaltowns.events.crm,"
          + "io.digitaltowns.events.stripe,io.digitaltowns.events.towns";

  /**
   * The Dockerfile's JAVA_OPTS, plus the starter plan's 512 MB as the JVM's idea of the machine's
   * memory.
   */
  static final List<String> DOCKERFILE_JAVA_OPTS =
      List.of("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError");

  static final String MAX_RAM = System.getProperty("bench.serviceMaxRam", "512m");

  /**
   * Extra JVM flags for every service (space separated), for trying a setting:
   * -Dbench.serviceJvmFlags=-XX:+UseSerialGC
   */
  static final String EXTRA_FLAGS = System.getProperty("bench.serviceJvmFlags", "");

  private final String name;
  private final String ownFlags;
  private int starts;
  private final Path jar;
  private final Map<String, String> environment;
  private final List<String> arguments;
  private final String healthUrl;
  private final Path logDir;
  private Process process;
  private long peakRssKb;
  private Integer exitValue;

  /**
   * @param ownFlags extra JVM flags for this service only (space separated; {@code {service}}
   *     becomes its name and {@code {start}} the number of this start), after every service's flags
   */
  ServiceJvm(
      String name,
      Path jar,
      Map<String, String> environment,
      List<String> arguments,
      String healthUrl,
      Path logDir,
      String ownFlags) {
    this.name = name;
    this.ownFlags = ownFlags;
    this.jar = jar;
    this.environment = environment;
    this.arguments = arguments;
    this.healthUrl = healthUrl;
    this.logDir = logDir;
  }

  public String name() {
    return name;
  }

  public Path gcLog() {
    return logDir.resolve(name + "-gc.log");
  }

  public synchronized void start() throws IOException {
    Files.createDirectories(logDir);
    Files.deleteIfExists(gcLog());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-XX:MaxRAM=" + MAX_RAM));
    command.addAll(DOCKERFILE_JAVA_OPTS);
    starts++;
    for (String flag : (EXTRA_FLAGS + " " + ownFlags).trim().split("\\s+")) {
      if (!flag.isBlank()) {
        // a file per service and start (a flight recording of each relay drain, say)
        command.add(flag.replace("{service}", name).replace("{start}", String.valueOf(starts)));
      }
    }
    command.add("-Xlog:gc:file=" + gcLog().toAbsolutePath());
    command.add("-Dorg.apache.avro.SERIALIZABLE_PACKAGES=" + AVRO_PACKAGES);
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    command.addAll(arguments);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(logDir.resolve(name + ".log").toFile()));
    // the benchmark's own -Dbench.* options are not the service's
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().putAll(environment);
    process = builder.start();
    exitValue = null;
  }

  /** Waits until the service's health endpoint answers 200; fails if the JVM ends first. */
  public void awaitHealthy(Duration timeout) throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name
                + " ended with "
                + process.exitValue()
                + " before it was healthy: see "
                + logDir.resolve(name + ".log"));
      }
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(URI.create(healthUrl))
                    .timeout(Duration.ofSeconds(5))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
    throw new IllegalStateException(
        name + " was not healthy within " + timeout + " (" + healthUrl + ")");
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  public synchronized long pid() {
    return process.pid();
  }

  /** Peak resident set (VmHWM) of this service's JVMs so far, in kB; kept across a restart. */
  public synchronized long peakRssKb() {
    if (isRunning()) {
      peakRssKb = Math.max(peakRssKb, ProcFs.kb(process.pid(), "VmHWM:"));
    }
    return peakRssKb;
  }

  /** The exit code if the JVM ended by itself (137/OOM would show here), else null. */
  public synchronized Integer unexpectedExit() {
    return exitValue;
  }

  public synchronized CpuSnapshot cpu() {
    return isRunning() ? CpuSnapshot.of(process.pid()) : CpuSnapshot.NONE;
  }

  public synchronized void stop() throws InterruptedException {
    if (process == null) {
      return;
    }
    peakRssKb();
    if (!process.isAlive()) {
      exitValue = process.exitValue();
      return;
    }
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Override
  public void close() throws Exception {
    stop();
  }
}
