package io.digitaltowns.stack.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition by looking again every 200 ms (this code also runs outside tests, without
 * Awaitility).
 */
final class Polling {

  private static final long INTERVAL_MILLIS = 200;

  private Polling() {}

  static void until(String what, BooleanSupplier condition, Duration deadline) {
    Instant end = Instant.now().plus(deadline);
    while (!holds(condition)) {
      if (Instant.now().isAfter(end)) {
        throw new IllegalStateException("not within " + deadline + ": " + what);
      }
      pause(INTERVAL_MILLIS);
    }
  }

  private static boolean holds(BooleanSupplier condition) {
    try {
      return condition.getAsBoolean();
    } catch (RuntimeException notYet) {
      // a cluster that is failing over answers with errors for a while
      return false;
    }
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
