package io.digitaltowns.api.site.analytics;

import io.digitaltowns.api.analytics.AnalyticsReport;
import io.digitaltowns.api.analytics.DayRange;
import io.digitaltowns.api.businesses.Category;
import io.digitaltowns.api.site.layout.CategoryNames;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns a figure's report into its chart: the rows summed per day of the range (or per category)
 * and series.
 */
final class FigureCharts {

  private FigureCharts() {}

  static Chart of(Figure figure, AnalyticsReport report, DayRange range) {
    boolean daily = figure.topic().daily();
    List<String> keys = daily ? days(range) : categories(report);
    List<String> labels = daily ? keys : keys.stream().map(FigureCharts::categoryName).toList();
    String labelField = daily ? "dayUtc" : "category";
    List<String> splits =
        figure.splitBy() == null
            ? List.of("")
            : report.rows().stream()
                .map(row -> String.valueOf(row.get(figure.splitBy())))
                .collect(Collectors.toCollection(TreeSet::new))
                .stream()
                .toList();
    List<Chart.Series> series = new ArrayList<>();
    for (String split : splits) {
      for (Figure.Field field : figure.fields()) {
        Map<String, Long> sums = new LinkedHashMap<>();
        keys.forEach(key -> sums.put(key, 0L));
        for (Map<String, Object> row : report.rows()) {
          if (!split.isEmpty() && !split.equals(String.valueOf(row.get(figure.splitBy())))) {
            continue;
          }
          sums.computeIfPresent(
              String.valueOf(row.get(labelField)),
              (key, sum) -> sum + number(row.get(field.name())));
        }
        String name =
            split.isEmpty()
                ? field.label()
                : field.label() + " (" + split.toUpperCase(Locale.ROOT) + ")";
        series.add(new Chart.Series(name, List.copyOf(sums.values())));
      }
    }
    if (series.isEmpty()) {
      // no currency seen in the range: one empty series keeps the chart and its table in shape
      series.add(
          new Chart.Series(figure.fields().get(0).label(), keys.stream().map(key -> 0L).toList()));
    }
    return new Chart(
        figure.shortName(),
        figure.title(),
        summary(figure, labels, series, daily, range),
        daily ? "Day (UTC)" : "Category",
        labels,
        series);
  }

  private static String summary(
      Figure figure,
      List<String> labels,
      List<Chart.Series> series,
      boolean daily,
      DayRange range) {
    String when = daily ? " from " + range.from() + " to " + range.to() : " now";
    if (labels.isEmpty() || series.stream().allMatch(s -> s.total() == 0)) {
      return figure.title() + when + ": nothing counted yet.";
    }
    List<String> parts = new ArrayList<>();
    for (Chart.Series s : series) {
      int highest = 0;
      for (int i = 1; i < s.values().size(); i++) {
        if (s.values().get(i) > s.values().get(highest)) {
          highest = i;
        }
      }
      boolean level = figure == Figure.SUBSCRIPTIONS && s.name().startsWith("Active");
      parts.add(
          s.name()
              + (level
                  ? ": at most " + s.values().get(highest)
                  : ": " + s.total() + " in all, most (" + s.values().get(highest) + ")")
              + (daily ? " on " : " in ")
              + labels.get(highest));
    }
    return figure.title() + when + ". " + String.join("; ", parts) + ".";
  }

  private static List<String> days(DayRange range) {
    List<String> days = new ArrayList<>();
    for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
      days.add(day.toString());
    }
    return days;
  }

  private static List<String> categories(AnalyticsReport report) {
    return report.rows().stream()
        .map(row -> String.valueOf(row.get("category")))
        .collect(Collectors.toCollection(TreeSet::new))
        .stream()
        .toList();
  }

  private static String categoryName(String category) {
    try {
      return CategoryNames.of(Category.valueOf(category));
    } catch (IllegalArgumentException e) {
      return category; // a category this version does not know yet
    }
  }

  private static long number(Object value) {
    return value instanceof Number number ? number.longValue() : 0;
  }
}
