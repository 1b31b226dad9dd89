package io.digitaltowns.api.analytics;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV of a report: a header of the value's field names, then one line per row.
 *
 * <p>Admins open these files in a spreadsheet, which runs a cell starting with {@code = + - @} (or
 * a tab or CR, which some strip before they look) as a formula: {@code =HYPERLINK(...)} in a town
 * or category name would reach an admin's machine (CSV injection, OWASP). Such a text cell is
 * neutralised by a leading {@code '} and quoted. A number is written as it is: a negative figure is
 * data, not a formula, and Jackson reads JSON numbers as {@link Number}.
 */
final class CsvReport {

  private static final String FORMULA_STARTS = "=+-@\t\r";

  private CsvReport() {}

  static String of(AnalyticsReport report) {
    StringBuilder csv = new StringBuilder();
    csv.append(report.columns().stream().map(CsvReport::cell).collect(Collectors.joining(",")))
        .append("\r\n");
    for (Map<String, Object> row : report.rows()) {
      csv.append(
              report.columns().stream()
                  .map(column -> cell(row.get(column)))
                  .collect(Collectors.joining(",")))
          .append("\r\n");
    }
    return csv.toString();
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number number) {
      return number.toString();
    }
    String text = value.toString();
    boolean formula = !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
    if (formula) {
      text = "'" + text;
    }
    if (formula
        || text.contains(",")
        || text.contains("\"")
        || text.contains("\n")
        || text.contains("\r")) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
