package io.digitaltowns.benchmark.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A peer's own JVM: launched, watched for its peak resident set, stopped gracefully. The peak is
 * remembered across stops and launches, so it can be asked after the peer stopped.
 */
final class PeerJvm {

  private final String name;
  private Process process;
  private long peakRssKb;

  PeerJvm(String name) {
    this.name = name;
  }

  synchronized void launch(ProcessBuilder builder) throws IOException {
    if (isRunning()) {
      throw new IllegalStateException(
          "the " + name + " is already running (pid " + process.pid() + ")");
    }
    process = builder.start();
  }

  synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /**
   * The exit value of a JVM that ended; only meaningful when {@link #isRunning()} is false after a
   * launch.
   */
  synchronized int exitValue() {
    return process.exitValue();
  }

  synchronized long pid() {
    if (process == null) {
      throw new IllegalStateException("the " + name + " was not started");
    }
    return process.pid();
  }

  /** VmHWM of the JVM, read from /proc while it runs; afterwards the last value read. */
  synchronized long peakRssKb() {
    if (isRunning()) {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
          if (line.startsWith("VmHWM:")) {
            peakRssKb = Math.max(peakRssKb, Long.parseLong(line.replaceAll("[^0-9]", "")));
          }
        }
      } catch (IOException | RuntimeException e) {
        // exited meanwhile, or not Linux: keep the last value
      }
    }
    return peakRssKb;
  }

  /** SIGTERM (the JVM's shutdown hooks run), then a kill once the grace is over. */
  synchronized void stop(Duration grace) throws InterruptedException {
    if (!isRunning()) {
      return;
    }
    peakRssKb();
    process.destroy();
    if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
