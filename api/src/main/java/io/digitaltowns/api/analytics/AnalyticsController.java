package io.digitaltowns.api.analytics;

import io.digitaltowns.events.AnalyticsCatalog.AnalyticsTopic;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only figures for admins, the same as the compacted {@code dt.analytics.*} topics hold
 * (docs/analytics.md): JSON by default, CSV with {@code Accept: text/csv} or {@code format=csv}.
 */
@RestController
@RequestMapping("/api/admin/analytics")
@Tag(
    name = "Analytics",
    description = "Aggregated figures of the dt.analytics.* topics (admins only)")
@SecurityRequirement(name = "bearer")
class AnalyticsController {

  static final String TEXT_CSV = "text/csv";
  private static final MediaType CSV = MediaType.parseMediaType(TEXT_CSV);
  static final int MAX_DAYS = DayRange.MAX_DAYS;
  static final int DEFAULT_DAYS = DayRange.DEFAULT_DAYS;

  private final AnalyticsReports reports;
  private final Clock clock;

  AnalyticsController(AnalyticsReports reports, Clock clock) {
    this.reports = reports;
    this.clock = clock;
  }

  @GetMapping("/{topic}")
  @Operation(
      summary = "Figures of one analytics topic for a range of UTC days",
      description =
          "topic: signups-daily, listings, subscriptions-daily, revenue-daily or engagement-daily. "
              + "Days are UTC, both ends included; without from/to the last "
              + DEFAULT_DAYS
              + " days up to today, at most "
              + MAX_DAYS
              + " days. listings is the count as it stands now and ignores from/to. "
              + "JSON by default; CSV with Accept: text/csv or format=csv (one header line of the value's field names). "
              + "Every field is described in docs/analytics.md.",
      responses = {
        @ApiResponse(
            responseCode = "200",
            content = {
              @Content(
                  mediaType = MediaType.APPLICATION_JSON_VALUE,
                  schema = @Schema(implementation = AnalyticsReport.class)),
              @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string"))
            }),
        @ApiResponse(
            responseCode = "400",
            description =
                "from after to, a range over "
                    + MAX_DAYS
                    + " days, or a date that is not yyyy-MM-dd"),
        @ApiResponse(responseCode = "404", description = "no such topic")
      })
  ResponseEntity<?> figures(
      @Parameter(
              description =
                  "signups-daily, listings, subscriptions-daily, revenue-daily or engagement-daily")
          @PathVariable
          String topic,
      @Parameter(description = "first UTC day, yyyy-MM-dd")
          @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate from,
      @Parameter(description = "last UTC day, yyyy-MM-dd (included)")
          @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate to,
      @Parameter(description = "csv for CSV where the Accept header cannot be set (a link, say)")
          @RequestParam(required = false)
          String format,
      @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false)
          String accept) {
    AnalyticsTopic figure = reports.topic(topic);
    AnalyticsReport report =
        reports.report(figure, figure.daily() ? DayRange.of(from, to, clock) : null);
    if (!"csv".equalsIgnoreCase(format) && !prefersCsv(accept)) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }
    return CsvDownload.of(report);
  }

  /**
   * Whether the caller ranks text/csv above JSON (a bare text/csv, or text/csv before
   * application/json).
   */
  private static boolean prefersCsv(String accept) {
    if (accept == null || accept.isBlank()) {
      return false;
    }
    try {
      List<MediaType> accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
      MimeTypeUtils.sortBySpecificity(accepted);
      for (MediaType type : accepted) {
        if (type.isCompatibleWith(CSV) && !type.isWildcardType()) {
          return true;
        }
        if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
          return false;
        }
      }
    } catch (InvalidMediaTypeException e) {
      return false;
    }
    return false;
  }
}
