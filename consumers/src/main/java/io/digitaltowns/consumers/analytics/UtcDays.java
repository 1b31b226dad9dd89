package io.digitaltowns.consumers.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Every figure counts on the UTC calendar day of its event, written yyyy-MM-dd (so days sort as
 * text).
 */
final class UtcDays {

  private UtcDays() {}

  static String of(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
  }
}
