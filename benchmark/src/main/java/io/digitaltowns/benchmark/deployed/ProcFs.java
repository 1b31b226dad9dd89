package io.digitaltowns.benchmark.deployed;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the deployed benchmark reads from /proc: a status line in kB, a process's or thread's CPU
 * clock ticks.
 */
final class ProcFs {

  /** USER_HZ on Linux. */
  static final int TICKS_PER_SECOND = 100;

  private ProcFs() {}

  /** A "Key: 123 kB" line of /proc/pid/status, in kB; 0 when the process is gone. */
  static long kb(long pid, String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith(key)) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (Exception e) {
      // gone
    }
    return 0;
  }

  /**
   * utime + stime of a /proc/.../stat file (a process: all its threads, ended ones too), in ticks;
   * 0 when gone.
   */
  static long ticks(Path stat) {
    return ticks(stat, false);
  }

  /**
   * With waitedForChildren, also cutime + cstime: the PostgreSQL backends that ended count in the
   * postmaster's.
   */
  static long ticks(Path stat, boolean waitedForChildren) {
    try {
      String text = Files.readString(stat);
      String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return waitedForChildren
          ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14])
          : ticks;
    } catch (Exception e) {
      return 0;
    }
  }

  static String comm(Path task) {
    try {
      return Files.readString(task.resolve("comm")).trim();
    } catch (Exception e) {
      return "";
    }
  }
}
