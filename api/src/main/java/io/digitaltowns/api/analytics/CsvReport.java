package io.digitaltowns.api.analytics;

import java.util.Map;
import java.util.stream.Collectors;

/** RFC 4180 CSV of a report: a header of the value's field names, then one line per row. */
final class CsvReport {

  private CsvReport() {
  }

  static String of(AnalyticsReport report) {
    StringBuilder csv = new StringBuilder();
    csv.append(report.columns().stream().map(CsvReport::cell).collect(Collectors.joining(","))).append("\r\n");
    for (Map<String, Object> row : report.rows()) {
      csv.append(report.columns().stream().map(column -> cell(row.get(column))).collect(Collectors.joining(",")))
          .append("\r\n");
    }
    return csv.toString();
  }

  private static String cell(Object value) {
    String text = value == null ? "" : value.toString();
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
