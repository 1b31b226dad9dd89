package io.digitaltowns.infra.logging;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * A "still starting" line every few seconds while one part of the local system takes long to start
 * (the first start unpacks PostgreSQL and formats Kafka's storage; a loaded machine starts the
 * applications slowly), so that a newcomer whose log is quiet otherwise sees that something is
 * happening and what.
 */
public final class StartProgress implements AutoCloseable {

  /** Often enough to show life, rare enough that a normal start prints none. */
  public static final Duration EVERY = Duration.ofSeconds(10);

  private final ScheduledExecutorService timer;

  private StartProgress(Logger log, String name, Duration every) {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "start-progress");
              thread.setDaemon(true);
              return thread;
            });
    long begin = System.nanoTime();
    long period = every.toMillis();
    timer.scheduleAtFixedRate(
        () ->
            log.info(
                "{} still starting ({} s)",
                name,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin)),
        period,
        period,
        TimeUnit.MILLISECONDS);
  }

  /** Starts telling {@code log} about {@code name} until closed. */
  public static StartProgress of(Logger log, String name) {
    return of(log, name, EVERY);
  }

  static StartProgress of(Logger log, String name, Duration every) {
    return new StartProgress(log, name, every);
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      // a line being written now is the last one: none comes after the part has started
      timer.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
