package io.digitaltowns.consumers.events;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Reads the W3C trace id out of a record's {@code traceparent} header (the relay sets it). */
final class TraceIds {

  static final String TRACEPARENT = "traceparent";

  private static final Pattern FORMAT =
      Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$");

  private TraceIds() {}

  /**
   * @return the 32-hex trace id, or null when the header is absent or malformed
   */
  static String fromTraceparent(String traceparent) {
    if (traceparent == null) {
      return null;
    }
    var matcher = FORMAT.matcher(traceparent.trim());
    return matcher.matches() ? matcher.group(1) : null;
  }

  static String fromHeaders(Headers headers) {
    if (headers == null) {
      return null;
    }
    Header header = headers.lastHeader(TRACEPARENT);
    return header == null || header.value() == null
        ? null
        : fromTraceparent(new String(header.value(), StandardCharsets.UTF_8));
  }
}
