package io.digitaltowns.api.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucket;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets in a map in this JVM, for a single api instance. Bucket4j 8.19 has no local ProxyManager
 * (that lives in the Caffeine/JCache modules), so the map is bounded here: every minute, buckets
 * that have refilled completely are dropped (a full bucket is the same as a new one, so nothing is
 * lost), and if the map still holds more than {@code maxBuckets} (an attack from very many
 * addresses) arbitrary buckets are dropped until it is back under 90 %.
 */
final class LocalBucketStore implements BucketStore {

  private static final Logger log = LoggerFactory.getLogger(LocalBucketStore.class);

  static final int DEFAULT_MAX_BUCKETS = 100_000;
  static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofMinutes(1);

  private final ConcurrentHashMap<String, LocalBucket> buckets = new ConcurrentHashMap<>();
  private final TimeMeter clock;
  private final int maxBuckets;
  private final long sweepIntervalNanos;
  private final AtomicLong lastSweepNanos;
  private final AtomicLong lastOverflowWarningNanos;

  LocalBucketStore() {
    this(TimeMeter.SYSTEM_NANOTIME, DEFAULT_MAX_BUCKETS, DEFAULT_SWEEP_INTERVAL);
  }

  /**
   * @param clock the time the buckets refill by; tests pass a clock they move by hand
   */
  LocalBucketStore(TimeMeter clock, int maxBuckets, Duration sweepInterval) {
    if (maxBuckets < 1) {
      throw new IllegalArgumentException("maxBuckets must be at least 1");
    }
    this.clock = clock;
    this.maxBuckets = maxBuckets;
    this.sweepIntervalNanos = sweepInterval.toNanos();
    this.lastSweepNanos = new AtomicLong(clock.currentTimeNanos());
    this.lastOverflowWarningNanos = new AtomicLong(clock.currentTimeNanos() - sweepIntervalNanos);
  }

  @Override
  public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
    sweepIfDue();
    ConsumptionProbe[] probe = new ConsumptionProbe[1];
    // Consuming inside compute() keeps it atomic with the sweep, which removes through
    // computeIfPresent(): a token is never taken from a bucket that has just left the map.
    buckets.compute(
        key,
        (k, bucket) -> {
          LocalBucket current = bucket != null ? bucket : newBucket(configuration);
          probe[0] = current.tryConsumeAndReturnRemaining(1);
          return current;
        });
    return probe[0];
  }

  @Override
  public void refund(String key, BucketConfiguration configuration) {
    // a bucket swept meanwhile was full: nothing to put back
    buckets.computeIfPresent(
        key,
        (k, bucket) -> {
          bucket.addTokens(1);
          return bucket;
        });
  }

  /** How many buckets are held. */
  int size() {
    return buckets.size();
  }

  /** Drops the buckets that have refilled completely, then trims the map if it is still too big. */
  void sweep() {
    int before = buckets.size();
    for (String key : buckets.keySet()) {
      buckets.computeIfPresent(key, (k, bucket) -> isFull(bucket) ? null : bucket);
    }
    if (buckets.size() > maxBuckets) {
      int target = Math.max(1, maxBuckets - maxBuckets / 10);
      Iterator<String> keys = buckets.keySet().iterator();
      while (buckets.size() > target && keys.hasNext()) {
        keys.next();
        keys.remove();
      }
      long now = clock.currentTimeNanos();
      long lastWarning = lastOverflowWarningNanos.get();
      if (now - lastWarning >= sweepIntervalNanos
          && lastOverflowWarningNanos.compareAndSet(lastWarning, now)) {
        log.warn(
            "Abuse limits: more than {} buckets in memory (many distinct clients); dropping buckets "
                + "that were not yet full. Set digitaltowns.abuse-limits.redis-url to keep them in Redis.",
            maxBuckets);
      }
    }
    log.debug("Abuse limits: swept buckets, {} before, {} after", before, buckets.size());
  }

  @Override
  public void close() {
    buckets.clear();
  }

  private void sweepIfDue() {
    long now = clock.currentTimeNanos();
    long last = lastSweepNanos.get();
    boolean due = now - last >= sweepIntervalNanos || buckets.size() > maxBuckets;
    if (due && lastSweepNanos.compareAndSet(last, now)) {
      sweep();
    }
  }

  private LocalBucket newBucket(BucketConfiguration configuration) {
    LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(clock);
    for (Bandwidth bandwidth : configuration.getBandwidths()) {
      builder.addLimit(bandwidth);
    }
    return builder.build();
  }

  private static boolean isFull(LocalBucket bucket) {
    long capacity = Long.MAX_VALUE;
    for (Bandwidth bandwidth : bucket.getConfiguration().getBandwidths()) {
      capacity = Math.min(capacity, bandwidth.getCapacity());
    }
    return bucket.getAvailableTokens() >= capacity;
  }
}
