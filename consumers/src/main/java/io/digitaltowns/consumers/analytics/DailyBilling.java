package io.digitaltowns.consumers.analytics;

import java.util.TreeMap;
import java.util.function.Function;

/**
 * The days one billing event touches, loaded from the store on first use and written back together.
 */
final class DailyBilling {

  private final Function<String, DayFigures> load;
  private final TreeMap<String, DayFigures> touched = new TreeMap<>();

  DailyBilling(Function<String, DayFigures> load) {
    this.load = load;
  }

  DayFigures day(String day) {
    return touched.computeIfAbsent(
        day,
        d -> {
          DayFigures stored = load.apply(d);
          return stored == null ? new DayFigures() : stored;
        });
  }

  TreeMap<String, DayFigures> touched() {
    return touched;
  }
}
