package io.digitaltowns.ops.console;

import java.time.Duration;

/** {@code 2d 3h 4m 5s}: ages an operator reads at a glance. */
public final class Durations {

  private Durations() {}

  public static String human(Duration duration) {
    if (duration.isNegative()) {
      return "-" + human(duration.negated());
    }
    long seconds = duration.toSeconds();
    if (seconds == 0) {
      return duration.toMillis() + "ms";
    }
    long days = seconds / 86_400;
    long hours = seconds % 86_400 / 3_600;
    long minutes = seconds % 3_600 / 60;
    long rest = seconds % 60;
    StringBuilder text = new StringBuilder();
    if (days > 0) {
      text.append(days).append("d ");
    }
    if (days > 0 || hours > 0) {
      text.append(hours).append("h ");
    }
    if (days > 0 || hours > 0 || minutes > 0) {
      text.append(minutes).append("m ");
    }
    return text.append(rest).append('s').toString();
  }

  public static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(java.util.Locale.ROOT, "%d bytes (%.1f %s)", bytes, value, units[unit]);
  }
}
