package io.digitaltowns.benchmark.deployed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A JVM's CPU time at one moment, in clock ticks: all of it, its garbage collector's threads (G1's
 * workers and concurrent threads, and the VM thread, which runs the serial collector's pauses), and
 * its JIT compiler threads. Threads that ended count in the total only.
 */
public record CpuSnapshot(long totalTicks, long gcTicks, long jitTicks) {

  static final CpuSnapshot NONE = new CpuSnapshot(0, 0, 0);

  static CpuSnapshot of(long pid) {
    long total = ProcFs.ticks(Path.of("/proc/" + pid + "/stat"));
    long gc = 0;
    long jit = 0;
    try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : tasks.toList()) {
        String comm = ProcFs.comm(task);
        if (comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.equals("VM Thread")) {
          gc += ProcFs.ticks(task.resolve("stat"));
        } else if (comm.contains("CompilerThre")) {
          jit += ProcFs.ticks(task.resolve("stat"));
        }
      }
    } catch (IOException e) {
      // gone
    }
    return new CpuSnapshot(total, gc, jit);
  }

  /**
   * The PostgreSQL server: the postmaster and its children (backends, walsenders, the WAL writer,
   * autovacuum).
   */
  static CpuSnapshot postgres(long postmaster) {
    if (postmaster <= 0) {
      return NONE;
    }
    long total = ProcFs.ticks(Path.of("/proc/" + postmaster + "/stat"), true);
    total +=
        ProcessHandle.of(postmaster).stream()
            .flatMap(ProcessHandle::children)
            .mapToLong(child -> ProcFs.ticks(Path.of("/proc/" + child.pid() + "/stat")))
            .sum();
    return new CpuSnapshot(total, 0, 0);
  }

  /** The ticks since an earlier snapshot, in ms. */
  CpuSnapshot minus(CpuSnapshot before) {
    return new CpuSnapshot(
        totalTicks - before.totalTicks, gcTicks - before.gcTicks, jitTicks - before.jitTicks);
  }

  double totalMs() {
    return totalTicks * 1000.0 / ProcFs.TICKS_PER_SECOND;
  }

  double gcMs() {
    return gcTicks * 1000.0 / ProcFs.TICKS_PER_SECOND;
  }

  double jitMs() {
    return jitTicks * 1000.0 / ProcFs.TICKS_PER_SECOND;
  }
}
