package io.digitaltowns.benchmark.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads figures out of the nested report map by dotted path, and prints them the way the tables
 * show numbers.
 */
final class ReportValues {

  private final Map<String, Object> report;

  ReportValues(Map<String, Object> report) {
    this.report = report;
  }

  Object get(String path) {
    Object current = report;
    for (String part : path.split("\\.")) {
      if (current instanceof Map<?, ?> map) {
        current = map.get(part);
      } else if (current instanceof List<?> list
          && part.matches("\\d+")
          && Integer.parseInt(part) < list.size()) {
        current = list.get(Integer.parseInt(part));
      } else {
        return null;
      }
    }
    return current;
  }

  Double number(String path) {
    return get(path) instanceof Number n ? n.doubleValue() : null;
  }

  /** A whole number with thousands separators, "–" when absent. */
  String count(String path) {
    return whole(number(path));
  }

  /** Milliseconds: whole above 100, one decimal below. */
  String ms(String path) {
    Double value = number(path);
    if (value == null) {
      return "–";
    }
    return value >= 100 ? whole(value) : String.format(Locale.ROOT, "%.1f", value);
  }

  String text(String path) {
    Object value = get(path);
    return value == null ? "–" : String.valueOf(value);
  }

  static String whole(Double value) {
    return value == null ? "–" : String.format(Locale.ROOT, "%,d", Math.round(value));
  }

  /** Bytes as KiB with one decimal, "–" when absent. */
  static String kib(Double bytes) {
    return bytes == null ? "–" : String.format(Locale.ROOT, "%.1f", bytes / 1024);
  }

  static String percent(Double part, Double whole) {
    return part == null || whole == null || whole == 0 ? "–" : Math.round(100 * part / whole) + "%";
  }

  static String ratio(Double a, Double b) {
    return a == null || b == null || b == 0 ? "–" : String.format(Locale.ROOT, "%.2f×", a / b);
  }
}
