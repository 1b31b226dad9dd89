package io.digitaltowns.api.web;

import java.util.regex.Pattern;

/**
 * Reads the trace id out of a W3C {@code traceparent} header, so events can be tied to the request.
 */
public final class TraceParent {

  private static final Pattern FORMAT =
      Pattern.compile("^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$");
  private static final String INVALID_TRACE_ID = "0".repeat(32);
  private static final String INVALID_SPAN_ID = "0".repeat(16);

  private TraceParent() {}

  /**
   * @return the 32-hex trace id, or null when the header is absent or malformed
   */
  public static String traceId(String header) {
    if (header == null) {
      return null;
    }
    var matcher = FORMAT.matcher(header.trim());
    return matcher.matches() ? matcher.group(2) : null;
  }

  /**
   * Well-formed and usable as the W3C spec says: not version ff, not an all-zero trace or parent
   * id.
   */
  public static boolean isValid(String header) {
    if (header == null) {
      return false;
    }
    var matcher = FORMAT.matcher(header.trim());
    return matcher.matches()
        && !"ff".equals(matcher.group(1))
        && !INVALID_TRACE_ID.equals(matcher.group(2))
        && !INVALID_SPAN_ID.equals(matcher.group(3));
  }
}
