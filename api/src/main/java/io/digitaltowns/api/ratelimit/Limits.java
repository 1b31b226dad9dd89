package io.digitaltowns.api.ratelimit;

import java.time.Duration;

/**
 * The per-IP and per-account limits of one {@link LimitedAction}: token buckets of {@code capacity}
 * tokens that refill at {@code capacity} tokens per {@code period}, smoothly. A capacity of {@code
 * 0} means no limit.
 */
public record Limits(
    long perIpCapacity, Duration perIpPeriod, long perAccountCapacity, Duration perAccountPeriod) {

  /**
   * These limits, or an exception naming the setting that is wrong.
   *
   * @param name the settings' prefix, e.g. {@code digitaltowns.abuse-limits.login}
   */
  Limits validated(String name) {
    validate(name + ".per-ip", perIpCapacity, perIpPeriod);
    validate(name + ".per-account", perAccountCapacity, perAccountPeriod);
    return this;
  }

  private static void validate(String limit, long capacity, Duration period) {
    if (capacity < 0) {
      throw new IllegalArgumentException(limit + "-capacity must be 0 (no limit) or more");
    }
    if (period == null || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException(limit + "-period must be positive");
    }
  }

  /** What one action's configuration may set; every value left out keeps the action's default. */
  record Settings(
      Long perIpCapacity,
      Duration perIpPeriod,
      Long perAccountCapacity,
      Duration perAccountPeriod) {

    Limits over(Limits defaults) {
      return new Limits(
          perIpCapacity != null ? perIpCapacity : defaults.perIpCapacity(),
          perIpPeriod != null ? perIpPeriod : defaults.perIpPeriod(),
          perAccountCapacity != null ? perAccountCapacity : defaults.perAccountCapacity(),
          perAccountPeriod != null ? perAccountPeriod : defaults.perAccountPeriod());
    }
  }
}
