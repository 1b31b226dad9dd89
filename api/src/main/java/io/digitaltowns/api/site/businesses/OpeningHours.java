package io.digitaltowns.api.site.businesses;

import io.digitaltowns.api.businesses.listing.OpeningPeriod;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A listing's week as the business page shows it, and whether it is open at a moment in the town's
 * time zone: the same rule as the search's "open now" (a period whose closing time is before its
 * opening time runs past midnight).
 */
public record OpeningHours(Map<DayOfWeek, List<OpeningPeriod>> week, ZonedDateTime now) {

  /** One row of the table. */
  public record Day(String name, String hours, boolean today) {}

  public boolean known() {
    return week != null && !week.isEmpty();
  }

  public boolean openNow() {
    if (!known()) {
      return false;
    }
    LocalTime time = now.toLocalTime();
    boolean today =
        periods(now.getDayOfWeek()).stream()
            .anyMatch(
                p ->
                    p.opens().isBefore(p.closes()) || p.opens().equals(p.closes())
                        ? !time.isBefore(p.opens()) && time.isBefore(p.closes())
                        : !time.isBefore(p.opens()));
    boolean fromYesterday =
        periods(now.getDayOfWeek().minus(1)).stream()
            .anyMatch(p -> p.opens().isAfter(p.closes()) && time.isBefore(p.closes()));
    return today || fromYesterday;
  }

  public List<Day> days() {
    return java.util.Arrays.stream(DayOfWeek.values())
        .map(
            day ->
                new Day(
                    day.getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                    hours(periods(day)),
                    day == now.getDayOfWeek()))
        .toList();
  }

  private List<OpeningPeriod> periods(DayOfWeek day) {
    List<OpeningPeriod> periods = week == null ? null : week.get(day);
    return periods == null ? List.of() : periods;
  }

  private static String hours(List<OpeningPeriod> periods) {
    return periods.isEmpty()
        ? "Closed"
        : periods.stream().map(p -> p.opens() + "–" + p.closes()).collect(Collectors.joining(", "));
  }
}
