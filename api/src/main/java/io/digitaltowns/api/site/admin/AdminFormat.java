package io.digitaltowns.api.site.admin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the admin pages write instants and amounts. Admins look after every town, whatever its time
 * zone, so times are in UTC and say so.
 */
public final class AdminFormat {

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private AdminFormat() {}

  public static String dateTime(Instant instant) {
    return instant == null ? "" : DATE_TIME.format(instant);
  }

  /** An amount in a currency's minor unit (cents), such as {@code 30.00 EUR}. */
  public static String money(long minor, String currency) {
    return String.format(
            Locale.ROOT,
            "%d.%02d %s",
            minor / 100,
            Math.abs(minor % 100),
            currency == null ? "" : currency.toUpperCase(Locale.ROOT))
        .strip();
  }

  /**
   * A code such as {@code BUSINESS_OWNER}, {@code google} or {@code past_due} as words: "Business
   * owner", "Google".
   */
  public static String words(String code) {
    if (code == null || code.isEmpty()) {
      return "";
    }
    String lower = code.replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  /** A list of codes as words joined by commas, or {@code none}. */
  public static String words(java.util.List<String> codes) {
    return codes.isEmpty()
        ? "none"
        : String.join(", ", codes.stream().map(AdminFormat::words).toList());
  }

  /** A value for a link's query string ({@code ?q=...}). */
  public static String queryValue(String value) {
    return java.net.URLEncoder.encode(
        value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8);
  }
}
