package io.digitaltowns.benchmark.peers;

import io.digitaltowns.benchmark.Figures;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Times how long a relay takes to put a backlog on its topic: the end offsets are read when the
 * watch is made (before the relay starts), then polled every 20 ms until {@code expected} more
 * records are on the topic.
 */
public final class TopicDrainWatch implements AutoCloseable {

  private static final long POLL_MILLIS = 20;

  /** Starts the relay under test; returns once it was told to start (it may still be starting). */
  @FunctionalInterface
  public interface Starter {
    void start() throws Exception;
  }

  private final String topic;
  private final long expected;
  private final TopicEndOffsets offsets;
  private final long before;

  private TopicDrainWatch(String bootstrapServers, String topic, long expected) {
    this.topic = topic;
    this.expected = expected;
    this.offsets = new TopicEndOffsets(bootstrapServers, topic);
    this.before = offsets.sum();
  }

  /** Records the topic's end offsets now: make the watch before the relay is started. */
  public static TopicDrainWatch before(String bootstrapServers, String topic, long expected) {
    return new TopicDrainWatch(bootstrapServers, topic, expected);
  }

  /**
   * Calls {@code starter}, then waits until {@code expected} records more than at {@link #before}
   * are on the topic, or {@code deadline} after the call. Returns topic, expectedRecords,
   * recordsOnKafka, startCallSeconds, secondsFromStart, secondsFromFirstRecord,
   * eventsPerSecondIncludingStartup, eventsPerSecondFromFirstRecord (and drainError if the deadline
   * passed).
   */
  public Map<String, Object> drain(Starter starter, Duration deadline) throws Exception {
    long t0 = System.nanoTime();
    starter.start();
    long started = System.nanoTime();
    long first = 0;
    long last;
    long end;
    long giveUp = t0 + deadline.toNanos();
    while (true) {
      end = offsets.sum();
      long now = System.nanoTime();
      if (first == 0 && end > before) {
        first = now;
      }
      if (end >= before + expected) {
        last = now;
        break;
      }
      if (now > giveUp) {
        last = now;
        break;
      }
      Thread.sleep(POLL_MILLIS);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("topic", topic);
    result.put("expectedRecords", expected);
    result.put("recordsOnKafka", end - before);
    if (end < before + expected) {
      result.put(
          "drainError",
          "only "
              + (end - before)
              + " of "
              + expected
              + " records on "
              + topic
              + " after "
              + deadline.toSeconds()
              + " s");
    }
    result.put("startCallSeconds", Figures.seconds(started - t0));
    result.put("secondsFromStart", Figures.seconds(last - t0));
    result.put("secondsFromFirstRecord", first == 0 ? null : Figures.seconds(last - first));
    result.put("eventsPerSecondIncludingStartup", Figures.rate(end - before, last - t0));
    result.put(
        "eventsPerSecondFromFirstRecord",
        first == 0 ? null : Figures.rate(end - before, last - first));
    return result;
  }

  @Override
  public void close() {
    offsets.close();
  }
}
