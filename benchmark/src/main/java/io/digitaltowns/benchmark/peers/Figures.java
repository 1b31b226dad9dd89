package io.digitaltowns.benchmark.peers;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Rounding and percentile summaries in the shape report.json already uses. */
final class Figures {

  private Figures() {
  }

  /** A histogram of microseconds as count, p50, p95, p99, max and mean in milliseconds. */
  static Map<String, Object> percentilesMs(Histogram micros) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("count", micros.getTotalCount());
    if (micros.getTotalCount() == 0) {
      return result;
    }
    result.put("p50", round(micros.getValueAtPercentile(50) / 1000.0));
    result.put("p95", round(micros.getValueAtPercentile(95) / 1000.0));
    result.put("p99", round(micros.getValueAtPercentile(99) / 1000.0));
    result.put("max", round(micros.getMaxValue() / 1000.0));
    result.put("mean", round(micros.getMean() / 1000.0));
    return result;
  }

  static double seconds(long nanos) {
    return round(nanos / 1e9);
  }

  static double rate(long count, long nanos) {
    return Math.round(count / (nanos / 1e9));
  }

  static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
