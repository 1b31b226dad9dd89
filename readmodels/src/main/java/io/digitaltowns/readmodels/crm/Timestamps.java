package io.digitaltowns.readmodels.crm;

import java.sql.Timestamp;
import java.time.Instant;

/** timestamptz parameters: the PostgreSQL driver takes {@link Timestamp}, not {@link Instant}. */
final class Timestamps {

  private Timestamps() {}

  static Timestamp of(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
