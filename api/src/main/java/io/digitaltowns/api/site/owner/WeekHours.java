package io.digitaltowns.api.site.owner;

import io.digitaltowns.api.businesses.listing.OpeningPeriod;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The opening-hours editor: up to {@link #PERIODS_PER_DAY} periods a weekday, each an "opens" and a
 * "closes" time field ({@code opens-MONDAY-1}, {@code closes-MONDAY-1}, ...). A period left empty
 * on both sides is no period; a closing time before the opening time runs past midnight, as in the
 * API.
 */
public record WeekHours(Map<DayOfWeek, List<Slot>> days) {

  static final int PERIODS_PER_DAY = 2;

  /** One period's two fields as typed. */
  public record Slot(DayOfWeek day, int number, String opens, String closes) {

    public String opensField() {
      return "opens-" + day + "-" + number;
    }

    public String closesField() {
      return "closes-" + day + "-" + number;
    }

    boolean empty() {
      return opens.isBlank() && closes.isBlank();
    }
  }

  static WeekHours fromForm(Map<String, String> fields) {
    Map<DayOfWeek, List<Slot>> days = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      List<Slot> slots = new ArrayList<>();
      for (int number = 1; number <= PERIODS_PER_DAY; number++) {
        String opens = fields.getOrDefault("opens-" + day + "-" + number, "").strip();
        String closes = fields.getOrDefault("closes-" + day + "-" + number, "").strip();
        slots.add(new Slot(day, number, opens, closes));
      }
      days.put(day, slots);
    }
    return new WeekHours(days);
  }

  static WeekHours of(Map<DayOfWeek, List<OpeningPeriod>> periods) {
    Map<String, String> fields = new LinkedHashMap<>();
    periods.forEach(
        (day, list) -> {
          for (int i = 0; i < Math.min(list.size(), PERIODS_PER_DAY); i++) {
            fields.put("opens-" + day + "-" + (i + 1), list.get(i).opens().toString());
            fields.put("closes-" + day + "-" + (i + 1), list.get(i).closes().toString());
          }
        });
    return fromForm(fields);
  }

  /**
   * The periods as the API takes them; a half-filled or unreadable period is a problem of its
   * field.
   */
  Map<DayOfWeek, List<OpeningPeriod>> periods(Map<String, String> problems) {
    Map<DayOfWeek, List<OpeningPeriod>> periods = new EnumMap<>(DayOfWeek.class);
    days.forEach(
        (day, slots) ->
            slots.stream()
                .filter(slot -> !slot.empty())
                .forEach(
                    slot -> {
                      LocalTime opens = time(slot.opens(), slot.opensField(), problems);
                      LocalTime closes = time(slot.closes(), slot.closesField(), problems);
                      if (opens != null && closes != null) {
                        if (opens.equals(closes)) {
                          problems.putIfAbsent(
                              slot.closesField(), "must differ from the opening time");
                        } else {
                          periods
                              .computeIfAbsent(day, d -> new ArrayList<>())
                              .add(new OpeningPeriod(opens, closes));
                        }
                      }
                    }));
    return periods;
  }

  private static LocalTime time(String value, String field, Map<String, String> problems) {
    if (value.isBlank()) {
      problems.putIfAbsent(field, "give both times of this period, or neither");
      return null;
    }
    try {
      return LocalTime.parse(value);
    } catch (DateTimeParseException e) {
      problems.putIfAbsent(field, "must be a time like 08:30");
      return null;
    }
  }
}
