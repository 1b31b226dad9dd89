package io.digitaltowns.consumers.events;

/**
 * What the listener container knows about the record the current thread is handling (its topic, its
 * group, the trace id of its {@code traceparent} header), bound by {@link RecordObservation} for
 * the length of one listener call so the {@link EventDispatcher} can tag its logs and metrics
 * without every listener passing the record along.
 */
record ConsumedRecord(String topic, String group, String headerTraceId, ConsumerMetrics metrics) {

  private static final ThreadLocal<ConsumedRecord> CURRENT = new ThreadLocal<>();

  static ConsumedRecord current() {
    return CURRENT.get();
  }

  static void bind(ConsumedRecord record) {
    CURRENT.set(record);
  }

  static void clear() {
    CURRENT.remove();
  }
}
