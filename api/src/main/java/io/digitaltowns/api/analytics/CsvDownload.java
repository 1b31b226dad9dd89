package io.digitaltowns.api.analytics;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A report as a CSV file to save ({@code dt.analytics.signups-daily_2026-03-01_2026-03-31.csv}).
 */
public final class CsvDownload {

  private CsvDownload() {}

  public static ResponseEntity<String> of(AnalyticsReport report) {
    String name =
        report.topic()
            + (report.from() == null ? "" : "_" + report.from() + "_" + report.to())
            + ".csv";
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .body(CsvReport.of(report));
  }
}
