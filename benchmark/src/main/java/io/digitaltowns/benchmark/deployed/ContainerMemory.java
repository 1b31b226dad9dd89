package io.digitaltowns.benchmark.deployed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A memory cgroup of its own for one service, limited to the starter plan's memory, so that the
 * kernel holds the service to it as Render's container does: past the limit the process is killed
 * (exit 137), and the JVM sizes itself from the limit as in a container (a 512 MB limit makes it
 * choose the serial collector). Works with cgroup v1 (a writable memory controller) and v2 (a
 * writable unified hierarchy with the memory controller); where neither is writable (no root), the
 * benchmark falls back to {@code -XX:MaxRAM}, which only bounds the JVM's idea of the memory.
 */
final class ContainerMemory {

  private static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup");

  private final Path directory;
  private final boolean v2;

  private ContainerMemory(Path directory, boolean v2) {
    this.directory = directory;
    this.v2 = v2;
  }

  /**
   * A new cgroup named {@code dt-bench-<name>} under this JVM's own, limited to {@code bytes};
   * empty where cgroups cannot be written here.
   */
  static Optional<ContainerMemory> limitedTo(String name, long bytes) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
        String[] parts = line.split(":", 3);
        if (parts.length < 3) {
          continue;
        }
        boolean v1Memory = List.of(parts[1].split(",")).contains("memory");
        boolean unified = parts[0].equals("0") && parts[1].isEmpty();
        Path parent = null;
        if (v1Memory) {
          parent = CGROUP_ROOT.resolve("memory").resolve(parts[2].substring(1));
        } else if (unified && Files.exists(CGROUP_ROOT.resolve("cgroup.controllers"))) {
          parent = CGROUP_ROOT.resolve(parts[2].substring(1));
        }
        if (parent == null || !Files.isWritable(parent)) {
          continue;
        }
        Path directory = parent.resolve("dt-bench-" + name);
        // one left by an earlier invocation would carry its peak: an empty cgroup can be removed
        Files.deleteIfExists(directory);
        Files.createDirectory(directory);
        ContainerMemory memory = new ContainerMemory(directory, !v1Memory);
        Files.writeString(
            directory.resolve(memory.v2 ? "memory.max" : "memory.limit_in_bytes"),
            Long.toString(bytes));
        return Optional.of(memory);
      }
    } catch (IOException | RuntimeException e) {
      System.out.println("[bench] no memory cgroup for " + name + ": " + e);
    }
    return Optional.empty();
  }

  /** The command, started inside this cgroup: the shell moves itself in, then execs the command. */
  List<String> wrap(List<String> command) {
    List<String> wrapped = new ArrayList<>();
    wrapped.add("/bin/sh");
    wrapped.add("-c");
    wrapped.add("echo $$ > '" + directory.resolve("cgroup.procs") + "' && exec \"$@\"");
    wrapped.add("sh");
    wrapped.addAll(command);
    return wrapped;
  }

  /** The most memory the cgroup has held (v1; v2 from kernel 5.19), page cache included, bytes. */
  long peakBytes() {
    return read(v2 ? "memory.peak" : "memory.max_usage_in_bytes");
  }

  /** How many processes the kernel killed in this cgroup for exceeding the limit. */
  long oomKills() {
    String file = v2 ? "memory.events" : "memory.oom_control";
    try {
      for (String line : Files.readAllLines(directory.resolve(file))) {
        if (line.startsWith("oom_kill ")) {
          return Long.parseLong(line.substring("oom_kill ".length()).trim());
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return 0;
  }

  String describe() {
    return (v2 ? "cgroup v2 " : "cgroup v1 ") + directory;
  }

  /** Removes the cgroup once its process has ended (the kernel refuses while one is inside). */
  void remove() {
    try {
      Files.deleteIfExists(directory);
    } catch (IOException e) {
      System.out.println("[bench] could not remove " + directory + ": " + e);
    }
  }

  private long read(String file) {
    try {
      return Long.parseLong(Files.readString(directory.resolve(file)).trim());
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }
}
