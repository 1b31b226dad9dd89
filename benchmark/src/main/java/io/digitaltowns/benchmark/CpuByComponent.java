package io.digitaltowns.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the CPU went during a phase: the CPU time of this JVM's threads, grouped by the component
 * their name shows (everything runs in this one JVM), plus PostgreSQL's processes and the peers'
 * JVMs from /proc. A thread that ended within the phase, the JIT compiler and the garbage collector
 * show as the JVM's remainder.
 */
public final class CpuByComponent {

  /**
   * Thread name patterns per component, first match wins; the names hold no dots (they are keys of
   * report paths).
   */
  private static final List<Map.Entry<String, Pattern>> COMPONENTS =
      List.of(
          Map.entry("api (Tomcat request threads)", Pattern.compile("http-nio-.*")),
          Map.entry(
              "relay (Debezium, its producer)",
              Pattern.compile(
                  "debezium.*|outbox-relay.*|.*digitaltowns-relay.*|pool-\\d+-thread-\\d+|blocking-snapshot.*|change-event-source.*")),
          Map.entry("consumers: email", Pattern.compile("email.*")),
          Map.entry("consumers: crm read model", Pattern.compile("crm-.*|crm_.*")),
          Map.entry(
              "consumers: analytics (Kafka Streams) and its sink", Pattern.compile("analytics.*")),
          Map.entry("consumers: backup archive", Pattern.compile("backup.*")),
          Map.entry(
              "Kafka broker",
              Pattern.compile(
                  "data-plane-kafka.*|kafka-\\d+-.*|quorum-controller.*|broker-.*|ExpirationReaper.*|executor-.*|LogDirFailureHandler|kafka-log-cleaner.*|.*raft.*|controller-.*|group-coordinator.*|transaction-.*|kafka-scheduler.*|share-.*|.*-metadata-loader.*|kafka-request-handler.*")),
          Map.entry("schema registry", Pattern.compile("schema-registry.*")),
          Map.entry("SMTP server (GreenMail)", Pattern.compile("smtp.*")),
          Map.entry(
              "load generator and watchers",
              Pattern.compile(
                  "HttpClient-.*|bench-.*|outbox-load.*|pool-.*-thread-.*-bench.*|main")));

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Map<Long, Long> threadCpuAtStart = new HashMap<>();
  private final long processCpuAtStart;
  private final long postgresCpuAtStart;
  private final long wallAtStart = System.nanoTime();
  private final long postgresPostmaster;

  private CpuByComponent(long postgresPostmaster) {
    this.postgresPostmaster = postgresPostmaster;
    for (long id : threads.getAllThreadIds()) {
      threadCpuAtStart.put(id, Math.max(0, threads.getThreadCpuTime(id)));
    }
    processCpuAtStart = processCpuNanos();
    postgresCpuAtStart = postgresCpuNanos();
  }

  /**
   * Starts counting now; postgresPostmaster is the pid of the PostgreSQL server (0 when unknown).
   */
  public static CpuByComponent start(long postgresPostmaster) {
    return new CpuByComponent(postgresPostmaster);
  }

  /**
   * CPU seconds per component since the start, and each as a share of the machine's cores over the
   * phase.
   */
  public Map<String, Object> stop() {
    double wallSeconds = (System.nanoTime() - wallAtStart) / 1e9;
    int cores = Runtime.getRuntime().availableProcessors();
    Map<String, Double> seconds = new LinkedHashMap<>();
    COMPONENTS.forEach(c -> seconds.put(c.getKey(), 0.0));
    seconds.put("other threads of the JVM", 0.0);
    double threadTotal = 0;
    for (long id : threads.getAllThreadIds()) {
      ThreadInfo info = threads.getThreadInfo(id);
      long now = threads.getThreadCpuTime(id);
      if (info == null || now < 0) {
        continue;
      }
      double used = (now - threadCpuAtStart.getOrDefault(id, 0L)) / 1e9;
      threadTotal += used;
      String component =
          COMPONENTS.stream()
              .filter(c -> c.getValue().matcher(info.getThreadName()).matches())
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse("other threads of the JVM");
      seconds.merge(component, used, Double::sum);
    }
    double process = (processCpuNanos() - processCpuAtStart) / 1e9;
    seconds.put("JVM remainder (JIT, GC, threads that ended)", Math.max(0, process - threadTotal));
    seconds.put("PostgreSQL (all its processes)", (postgresCpuNanos() - postgresCpuAtStart) / 1e9);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("wallSeconds", Figures.round(wallSeconds));
    result.put("cores", cores);
    Map<String, Object> components = new LinkedHashMap<>();
    seconds.forEach(
        (name, cpu) ->
            components.put(
                name,
                Map.of(
                    "cpuSeconds",
                    Figures.round(cpu),
                    "shareOfMachine",
                    Figures.round(cpu / (wallSeconds * cores)))));
    result.put("components", components);
    double all = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    result.put("shareOfMachineUsed", Figures.round(all / (wallSeconds * cores)));
    return result;
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  private long postgresCpuNanos() {
    if (postgresPostmaster <= 0) {
      return 0;
    }
    long ticks = procTicks(postgresPostmaster);
    ticks +=
        ProcessHandle.of(postgresPostmaster).stream()
            .flatMap(ProcessHandle::children)
            .mapToLong(child -> procTicks(child.pid()))
            .sum();
    // USER_HZ is 100 on Linux
    return ticks * 10_000_000L;
  }

  /** utime + stime (and the children's that were waited for) of /proc/pid/stat, in clock ticks. */
  private static long procTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11])
          + Long.parseLong(fields[12])
          + Long.parseLong(fields[13])
          + Long.parseLong(fields[14]);
    } catch (Exception e) {
      return 0;
    }
  }
}
