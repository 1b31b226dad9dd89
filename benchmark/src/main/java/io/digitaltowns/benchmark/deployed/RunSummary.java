package io.digitaltowns.benchmark.deployed;

import io.digitaltowns.benchmark.Figures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every number of the runs, by its path in a run ("steadyState.commitToKafkaMs.p99"): median, min,
 * max and each run's.
 */
final class RunSummary {

  private RunSummary() {}

  static Map<String, Object> of(List<Map<String, Object>> runs) {
    Map<String, List<Double>> values = new LinkedHashMap<>();
    for (int i = 0; i < runs.size(); i++) {
      Map<String, Double> flat = new LinkedHashMap<>();
      flatten("", runs.get(i), flat);
      int run = i;
      flat.forEach(
          (key, value) -> {
            List<Double> list = values.computeIfAbsent(key, k -> new ArrayList<>());
            while (list.size() < run) {
              list.add(null);
            }
            list.add(value);
          });
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    values.forEach(
        (key, list) -> {
          List<Double> present = list.stream().filter(v -> v != null).sorted().toList();
          if (present.isEmpty()) {
            return;
          }
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("median", Figures.round(median(present)));
          m.put("min", present.get(0));
          m.put("max", present.get(present.size() - 1));
          m.put("runs", list);
          summary.put(key, m);
        });
    return summary;
  }

  private static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static void flatten(String prefix, Object value, Map<String, Double> out) {
    if (value instanceof Map<?, ?> map) {
      map.forEach(
          (k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        flatten(prefix + "." + i, list.get(i), out);
      }
    } else if (value instanceof Number n) {
      out.put(prefix, n.doubleValue());
    } else if (value instanceof Boolean b) {
      out.put(prefix, b ? 1.0 : 0.0);
    }
  }
}
