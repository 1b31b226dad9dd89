package io.digitaltowns.stack.faults;

import java.time.Instant;

/**
 * One fault as injected: when it began and when it was healed (the broker restarted, the instance
 * replaced...).
 */
public record FaultWindow(String fault, Instant injectedAt, Instant healedAt) {

  boolean covers(Instant moment) {
    return !moment.isBefore(injectedAt) && !moment.isAfter(healedAt);
  }
}
