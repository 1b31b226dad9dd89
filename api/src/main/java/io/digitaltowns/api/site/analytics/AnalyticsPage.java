package io.digitaltowns.api.site.analytics;

import io.digitaltowns.api.analytics.AnalyticsReport;
import io.digitaltowns.api.analytics.AnalyticsReports;
import io.digitaltowns.api.analytics.CsvDownload;
import io.digitaltowns.api.analytics.DayRange;
import io.digitaltowns.api.analytics.InvalidDateRangeException;
import io.digitaltowns.api.site.layout.FormErrors;
import io.digitaltowns.events.AnalyticsCatalog.AnalyticsTopic;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The analytics page for admins ({@code /admin/analytics}): the five {@code dt.analytics.*} figures
 * for a range of UTC days as charts drawn on the server, each with its CSV download under the
 * session. The same reports, range rules and CSV as {@code /api/admin/analytics/...}.
 */
@Controller
class AnalyticsPage {

  static final String PATH = "/admin/analytics";

  private final AnalyticsReports reports;
  private final Clock clock;

  AnalyticsPage(AnalyticsReports reports, Clock clock) {
    this.reports = reports;
    this.clock = clock;
  }

  /**
   * Dates come as text so that a malformed one shows the form with its error rather than an error
   * page.
   */
  @GetMapping(PATH)
  String page(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      HttpServletResponse response,
      Model model) {
    Map<String, String> errors = new LinkedHashMap<>();
    LocalDate first = day("from", from, errors);
    LocalDate last = day("to", to, errors);
    DayRange range = null;
    if (errors.isEmpty()) {
      try {
        range = DayRange.of(first, last, clock);
      } catch (InvalidDateRangeException e) {
        errors.put("", e.reason());
      }
    }
    if (range == null) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("from", from == null ? "" : from.strip());
      model.addAttribute("to", to == null ? "" : to.strip());
      model.addAttribute("errors", new FormErrors(errors));
      model.addAttribute("figures", List.of());
      return "analytics/analytics";
    }
    DayRange chosen = range;
    List<FigureView> figures =
        Arrays.stream(Figure.values())
            .map(
                figure ->
                    new FigureView(
                        figure.title(),
                        figure.about(),
                        FigureCharts.of(figure, reports.report(figure.topic(), chosen), chosen),
                        PATH
                            + "/"
                            + figure.shortName()
                            + ".csv?from="
                            + chosen.from()
                            + "&to="
                            + chosen.to()))
            .toList();
    model.addAttribute("from", chosen.from().toString());
    model.addAttribute("to", chosen.to().toString());
    model.addAttribute("errors", FormErrors.none());
    model.addAttribute("figures", figures);
    return "analytics/analytics";
  }

  /**
   * The figure as the API's CSV, under the session (a link in the page cannot send a bearer token).
   */
  @GetMapping(PATH + "/{figure}.csv")
  ResponseEntity<String> csv(
      @PathVariable String figure,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    AnalyticsTopic topic = reports.topic(figure);
    AnalyticsReport report =
        reports.report(topic, topic.daily() ? DayRange.of(from, to, clock) : null);
    return CsvDownload.of(report);
  }

  private static LocalDate day(String field, String text, Map<String, String> errors) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      errors.put(field, "Write the day as yyyy-mm-dd, for example 2026-03-01.");
      return null;
    }
  }
}
