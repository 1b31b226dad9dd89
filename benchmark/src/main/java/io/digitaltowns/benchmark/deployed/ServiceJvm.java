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
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One service as Render runs it: {@code java $JAVA_OPTS -Dorg.apache.avro.SERIALIZABLE_PACKAGES=...
 * -jar <service>.jar} (the Dockerfile's {@code bin/run}) with the Dockerfile's JAVA_OPTS, in a
 * memory cgroup of its own limited to the starter plan's 512 MB ({@link ContainerMemory}; {@code
 * -XX:MaxRAM=512m} where cgroups cannot be written), its settings in the environment as in
 * render.yaml. Adds only {@code -Xlog:gc} to a file, for the pauses.
 */
public final class ServiceJvm implements AutoCloseable {

  /** The Dockerfile's -Dorg.apache.avro.SERIALIZABLE_PACKAGES. */
  static final String AVRO_PACKAGES =
      "io.digitaltowns.events.accounts,io.digitaltowns.events.analytics,"
          + "io.digitaltowns.events.billing,io.digitaltowns.events.businesses,io.digitaltowns.events.crm,"
          + "io.digitaltowns.events.stripe,io.digitaltowns.events.towns";

  /** The JAVA_OPTS the Dockerfile sets, read from it so that the benchmark runs what ships. */
  static final List<String> DOCKERFILE_JAVA_OPTS =
      DockerfileJavaOpts.read(Path.of("..", "Dockerfile"));

  static final String MAX_RAM = System.getProperty("bench.serviceMaxRam", "512m");

  /**
   * How the starter plan's memory is imposed: {@code cgroup} (the kernel's limit, as in a
   * container) or {@code maxRam} (only -XX:MaxRAM, the JVM's idea of the memory).
   */
  static final String MEMORY_LIMIT = System.getProperty("bench.memoryLimit", "cgroup");

  /**
   * Extra JVM flags for every service (space separated), for trying a setting:
   * -Dbench.serviceJvmFlags=-XX:+UseSerialGC. {service} in a flag becomes the service's name (a
   * profile per service: -XX:StartFlightRecording:filename=/tmp/{service}.jfr).
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
  private Optional<ContainerMemory> container;
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
    if (container == null) {
      container =
          MEMORY_LIMIT.equals("cgroup")
              ? ContainerMemory.limitedTo(name, bytes(MAX_RAM))
              : Optional.empty();
    }
    List<String> command = new ArrayList<>(List.of(java));
    if (container.isEmpty()) {
      command.add("-XX:MaxRAM=" + MAX_RAM);
    }
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
        new ProcessBuilder(container.map(c -> c.wrap(command)).orElse(command))
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

  /** How its memory is limited: the cgroup, or -XX:MaxRAM only. */
  public synchronized String memoryLimit() {
    return container != null && container.isPresent()
        ? "kernel limit " + MAX_RAM + " (" + container.get().describe() + ")"
        : "-XX:MaxRAM=" + MAX_RAM + " only";
  }

  /** The cgroup's peak (RSS and page cache) in kB, or -1 without a cgroup. */
  public synchronized long cgroupPeakKb() {
    return container != null && container.isPresent() ? container.get().peakBytes() / 1024 : -1;
  }

  /** Processes the kernel killed for exceeding the limit, or -1 without a cgroup. */
  public synchronized long oomKills() {
    return container != null && container.isPresent() ? container.get().oomKills() : -1;
  }

  /** The exit code if the JVM ended by itself (137/OOM would show here), else null. */
  public synchronized Integer unexpectedExit() {
    if (exitValue == null && process != null && !process.isAlive()) {
      exitValue = process.exitValue();
    }
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
    if (container != null) {
      container.ifPresent(ContainerMemory::remove);
    }
  }

  private static long bytes(String size) {
    String digits = size.replaceAll("[^0-9]", "");
    long unit =
        switch (Character.toLowerCase(size.charAt(size.length() - 1))) {
          case 'k' -> 1024L;
          case 'm' -> 1024L * 1024;
          case 'g' -> 1024L * 1024 * 1024;
          default -> 1L;
        };
    return Long.parseLong(digits) * unit;
  }
}
