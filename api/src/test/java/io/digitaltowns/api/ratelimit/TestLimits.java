package io.digitaltowns.api.ratelimit;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Properties bound the way Spring Boot binds them, and a clock the tests move by hand. */
final class TestLimits {

  private TestLimits() {}

  /**
   * {@code digitaltowns.abuse-limits.*} from the given entries (keys without the prefix), defaults
   * for the rest.
   */
  static AbuseLimitsProperties properties(Map<String, String> entries) {
    MapConfigurationPropertySource source = new MapConfigurationPropertySource();
    entries.forEach((key, value) -> source.put("digitaltowns.abuse-limits." + key, value));
    return AbuseLimitsProperties.bind(new Binder(source));
  }

  static AbuseLimitsProperties defaults() {
    return properties(Map.of());
  }

  /** A Bucket4j clock that only moves when told to. */
  static final class ManualClock implements TimeMeter {

    private final AtomicLong nanos = new AtomicLong(Duration.ofDays(1).toNanos());

    @Override
    public long currentTimeNanos() {
      return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
      return false;
    }

    void advance(Duration duration) {
      nanos.addAndGet(duration.toNanos());
    }
  }
}
