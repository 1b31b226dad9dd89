package io.digitaltowns.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * A latency histogram in microseconds, reported in milliseconds as count, p50, p95, p99, max and
 * mean.
 */
public final class LatencySummary {

  private final Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);

  public synchronized void record(long micros) {
    histogram.recordValue(Math.min(histogram.getHighestTrackableValue(), Math.max(1, micros)));
  }

  public synchronized void add(LatencySummary other) {
    histogram.add(other.histogram);
  }

  public synchronized long count() {
    return histogram.getTotalCount();
  }

  public synchronized double percentileMs(double percentile) {
    return Figures.round(histogram.getValueAtPercentile(percentile) / 1000.0);
  }

  public synchronized Map<String, Object> toMap() {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("count", histogram.getTotalCount());
    if (histogram.getTotalCount() == 0) {
      return result;
    }
    result.put("p50", Figures.round(histogram.getValueAtPercentile(50) / 1000.0));
    result.put("p95", Figures.round(histogram.getValueAtPercentile(95) / 1000.0));
    result.put("p99", Figures.round(histogram.getValueAtPercentile(99) / 1000.0));
    result.put("max", Figures.round(histogram.getMaxValue() / 1000.0));
    result.put("mean", Figures.round(histogram.getMean() / 1000.0));
    return result;
  }
}
