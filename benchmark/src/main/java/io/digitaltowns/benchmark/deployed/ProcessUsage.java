package io.digitaltowns.benchmark.deployed;

import io.digitaltowns.benchmark.Figures;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU and GC of every process of the deployed system over one phase: each service JVM, PostgreSQL
 * (all its processes), the servers' JVM (Kafka broker, schema registry, SMTP, S3) and the
 * benchmark's own JVM (the load generator and the watchers). Start it before the phase, stop it
 * after.
 */
final class ProcessUsage {

  private final DeployedSystem system;
  private final long postmaster;
  private final Map<String, CpuSnapshot> before = new LinkedHashMap<>();
  private final Map<String, GcPauses> gcMarks = new LinkedHashMap<>();
  private final long startedAt = System.nanoTime();

  private ProcessUsage(DeployedSystem system, long postmaster) {
    this.system = system;
    this.postmaster = postmaster;
    snapshot().forEach(before::put);
    for (ServiceJvm service : system.services()) {
      gcMarks.put(service.name(), GcPauses.mark(service.gcLog()));
    }
  }

  static ProcessUsage start(DeployedSystem system, long postmaster) {
    return new ProcessUsage(system, postmaster);
  }

  private Map<String, CpuSnapshot> snapshot() {
    Map<String, CpuSnapshot> now = new LinkedHashMap<>();
    for (ServiceJvm service : system.services()) {
      now.put(service.name(), service.cpu());
    }
    now.put("postgresql", CpuSnapshot.postgres(postmaster));
    now.put("servers JVM (Kafka, registry, SMTP, S3)", CpuSnapshot.of(system.servers().pid()));
    now.put(
        "benchmark JVM (load generator, watchers)", CpuSnapshot.of(ProcessHandle.current().pid()));
    return now;
  }

  /**
   * Per process: CPU ms in all, of its GC threads and JIT threads, CPU ms per unit of work (a
   * registration, a request), share of the machine; per service JVM also its GC pauses in the phase
   * and its peak RSS so far.
   */
  Map<String, Object> stop(long units) {
    double wallSeconds = (System.nanoTime() - startedAt) / 1e9;
    int cores = Runtime.getRuntime().availableProcessors();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("wallSeconds", Figures.round(wallSeconds));
    result.put("units", units);
    double all = 0;
    Map<String, Object> processes = new LinkedHashMap<>();
    Map<String, ServiceJvm> services = new LinkedHashMap<>();
    system.services().forEach(s -> services.put(s.name(), s));
    for (Map.Entry<String, CpuSnapshot> e : snapshot().entrySet()) {
      ServiceJvm service = services.get(e.getKey());
      CpuSnapshot used = e.getValue().minus(before.getOrDefault(e.getKey(), CpuSnapshot.NONE));
      if (service != null && !service.isRunning() && used.totalTicks() <= 0) {
        continue;
      }
      // a JVM started within the phase: its whole CPU time is the phase's
      if (used.totalTicks() < 0) {
        used = e.getValue();
      }
      all += used.totalMs();
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("cpuMs", Figures.round(used.totalMs()));
      figures.put("cpuMsPerUnit", units == 0 ? null : Figures.round(used.totalMs() / units));
      figures.put("gcThreadsCpuMs", Figures.round(used.gcMs()));
      figures.put("jitThreadsCpuMs", Figures.round(used.jitMs()));
      figures.put("shareOfMachine", Figures.round(used.totalMs() / 1000 / (wallSeconds * cores)));
      if (service != null) {
        figures.put("gc", gcMarks.get(e.getKey()).since());
        figures.put("peakRssKb", service.peakRssKb());
      }
      processes.put(e.getKey(), figures);
    }
    result.put("processes", processes);
    result.put("cpuMsInAll", Figures.round(all));
    result.put("cpuMsPerUnitInAll", units == 0 ? null : Figures.round(all / units));
    result.put("shareOfMachineUsed", Figures.round(all / 1000 / (wallSeconds * cores)));
    return result;
  }
}
