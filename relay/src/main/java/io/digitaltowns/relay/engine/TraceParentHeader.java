package io.digitaltowns.relay.engine;

/**
 * Continues the request's W3C trace on the Kafka record: same trace id, a span id derived from the
 * event id, so a consumer's work shows up under the request that caused it.
 */
final class TraceParentHeader {

  private TraceParentHeader() {}

  static String childOf(String traceId, String eventId) {
    String spanId = eventId.replace("-", "").substring(0, 16);
    return "00-" + traceId + "-" + spanId + "-01";
  }
}
