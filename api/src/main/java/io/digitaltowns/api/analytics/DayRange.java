package io.digitaltowns.api.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A range of UTC days, both ends included, as admins ask for figures: the API's query and the
 * analytics page's form follow the same rules.
 */
public record DayRange(LocalDate from, LocalDate to) {

  /** A year of daily rows per key keeps one answer to a size a spreadsheet opens. */
  public static final int MAX_DAYS = 366;

  public static final int DEFAULT_DAYS = 30;

  /**
   * The range asked for: a missing end is filled in from the other ({@link #DEFAULT_DAYS} days),
   * both missing are the last {@link #DEFAULT_DAYS} days up to today (UTC).
   *
   * @throws InvalidDateRangeException when {@code from} is after {@code to} or the range is over
   *     {@link #MAX_DAYS}
   */
  public static DayRange of(LocalDate from, LocalDate to, Clock clock) {
    LocalDate last =
        to != null
            ? to
            : from != null
                ? from.plusDays(DEFAULT_DAYS - 1)
                : LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate first = from != null ? from : last.minusDays(DEFAULT_DAYS - 1);
    if (first.isAfter(last)) {
      throw new InvalidDateRangeException("from (" + first + ") is after to (" + last + ").");
    }
    if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
      throw new InvalidDateRangeException(
          "At most "
              + MAX_DAYS
              + " days at a time; ask for "
              + first
              + " to "
              + first.plusDays(MAX_DAYS - 1)
              + " and go on from there.");
    }
    return new DayRange(first, last);
  }

  /** How many days, both ends included. */
  public int days() {
    return (int) ChronoUnit.DAYS.between(from, to) + 1;
  }
}
