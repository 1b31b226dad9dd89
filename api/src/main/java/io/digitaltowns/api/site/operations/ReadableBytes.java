package io.digitaltowns.api.site.operations;

/** A WAL lag in bytes as a person reads it: {@code 0 bytes}, {@code 12.3 KB}, {@code 4.0 MB}. */
public final class ReadableBytes {

  private static final String[] UNITS = {"KB", "MB", "GB", "TB"};

  private ReadableBytes() {}

  public static String of(long bytes) {
    if (bytes < 1024) {
      return bytes + (bytes == 1 ? " byte" : " bytes");
    }
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(java.util.Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }
}
