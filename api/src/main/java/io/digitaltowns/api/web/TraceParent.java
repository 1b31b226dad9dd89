package io.digitaltowns.api.web;

import java.util.regex.Pattern;

/** Reads the trace id out of a W3C {@code traceparent} header, so events can be tied to the request. */
public final class TraceParent {

  private static final Pattern FORMAT = Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$");

  private TraceParent() {
  }

  /** @return the 32-hex trace id, or null when the header is absent or malformed */
  public static String traceId(String header) {
    if (header == null) {
      return null;
    }
    var matcher = FORMAT.matcher(header.trim());
    return matcher.matches() ? matcher.group(1) : null;
  }
}
