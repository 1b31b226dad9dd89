package io.digitaltowns.benchmark;

/** Seconds, rates and rounding in the shape report.json uses. */
public final class Figures {

  private Figures() {}

  public static double seconds(long nanos) {
    return round(nanos / 1e9);
  }

  public static double rate(long count, long nanos) {
    return Math.round(count / (nanos / 1e9));
  }

  public static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
