package io.digitaltowns.api.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** Where the token buckets live: in this JVM, or in Redis shared by every api instance. */
interface BucketStore extends AutoCloseable {

  /**
   * Takes one token from the bucket under {@code key}, creating it full with {@code configuration}
   * when it does not exist yet.
   */
  ConsumptionProbe tryConsume(String key, BucketConfiguration configuration);

  /** Puts back one token taken by {@link #tryConsume} (never beyond the bucket's capacity). */
  void refund(String key, BucketConfiguration configuration);

  @Override
  void close();

  /** Redis when a URL is configured and the limits are on, otherwise memory. */
  static BucketStore create(AbuseLimitsProperties properties) {
    if (properties.enabled() && properties.sharedThroughRedis()) {
      return new RedisBucketStore(properties.redisUrl(), properties.redisTimeout());
    }
    return new LocalBucketStore();
  }
}
