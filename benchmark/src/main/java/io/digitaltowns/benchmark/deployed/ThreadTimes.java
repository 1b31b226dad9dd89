package io.digitaltowns.benchmark.deployed;

import io.digitaltowns.benchmark.Figures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The busiest threads of a JVM since they started, from {@code /proc/<pid>/task/<tid>/schedstat}:
 * the time each ran on a core, and the time it was runnable but waited for one. A thread whose two
 * times add up to the whole drain never waited for anything else: it is the drain's ceiling. The
 * names are the kernel's (15 characters); a flight recording of the same JVM names each thread id
 * in full.
 */
final class ThreadTimes {

  private ThreadTimes() {}

  /**
   * @param top how many threads, the busiest first
   * @return per thread: name, tid, cpuSeconds, waitingForCoreSeconds
   */
  static List<Map<String, Object>> busiest(long pid, int top) {
    List<Map<String, Object>> threads = new ArrayList<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : tasks.toList()) {
        long[] times = schedstat(task);
        if (times == null) {
          continue;
        }
        Map<String, Object> thread = new LinkedHashMap<>();
        thread.put("name", ProcFs.comm(task));
        thread.put("tid", Long.parseLong(task.getFileName().toString()));
        thread.put("cpuSeconds", Figures.seconds(times[0]));
        thread.put("waitingForCoreSeconds", Figures.seconds(times[1]));
        threads.add(thread);
      }
    } catch (IOException e) {
      // the JVM is gone
    }
    threads.sort(
        Comparator.comparingDouble((Map<String, Object> t) -> (Double) t.get("cpuSeconds"))
            .reversed());
    return new ArrayList<>(threads.subList(0, Math.min(top, threads.size())));
  }

  /**
   * A single-threaded process (a PostgreSQL walsender): cpuSeconds and waitingForCoreSeconds since
   * it started; empty when it is gone.
   */
  static Map<String, Object> ofProcess(long pid) {
    long[] times = schedstat(Path.of("/proc/" + pid));
    Map<String, Object> process = new LinkedHashMap<>();
    if (times != null) {
      process.put("pid", pid);
      process.put("cpuSeconds", Figures.seconds(times[0]));
      process.put("waitingForCoreSeconds", Figures.seconds(times[1]));
    }
    return process;
  }

  /** On-CPU and run-queue nanoseconds, or null when the thread ended. */
  private static long[] schedstat(Path task) {
    try {
      String[] fields = Files.readString(task.resolve("schedstat")).trim().split(" ");
      return new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1])};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
