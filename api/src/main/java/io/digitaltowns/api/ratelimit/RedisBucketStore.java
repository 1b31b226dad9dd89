package io.digitaltowns.api.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets in Redis, shared by every api instance that points at the same server. Bucket4j keeps
 * each bucket's state under its key and updates it with a compare-and-swap Lua script, so two
 * instances taking a token at the same moment both count. A key expires once its bucket would have
 * refilled completely (plus a few seconds), so Redis only holds buckets that are in use.
 *
 * <p>The connection is opened at start-up (a wrong URL stops the deploy) and Lettuce reconnects by
 * itself afterwards. While Redis is unreachable, commands fail at once rather than queueing, and
 * {@link AbuseLimits} lets requests through.
 */
final class RedisBucketStore implements BucketStore {

  private static final Logger log = LoggerFactory.getLogger(RedisBucketStore.class);

  /** How long a bucket outlives the moment it is full again. */
  private static final Duration KEEP_AFTER_REFILL = Duration.ofSeconds(10);

  private final RedisClient client;
  private final StatefulRedisConnection<byte[], byte[]> connection;
  private final ProxyManager<String> buckets;

  RedisBucketStore(String redisUrl, Duration timeout) {
    RedisURI uri = RedisURI.create(redisUrl);
    uri.setTimeout(timeout);
    this.client = RedisClient.create(uri);
    client.setOptions(
        ClientOptions.builder()
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(timeout))
            .build());
    try {
      this.connection = client.connect(ByteArrayCodec.INSTANCE);
    } catch (RuntimeException e) {
      client.shutdown();
      throw e;
    }
    ProxyManager<byte[]> byteKeyed =
        Bucket4jLettuce.casBasedBuilder(connection)
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    KEEP_AFTER_REFILL))
            .requestTimeout(timeout)
            .build();
    this.buckets = byteKeyed.withMapper((String key) -> key.getBytes(StandardCharsets.UTF_8));
    // The URL may hold a password: name the server only.
    log.info(
        "Abuse limits are shared between api instances through Redis at {}",
        uri.getHost() != null ? uri.getHost() + ":" + uri.getPort() : "a Sentinel-managed server");
  }

  @Override
  public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
    return buckets.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
  }

  @Override
  public void refund(String key, BucketConfiguration configuration) {
    buckets.builder().build(key, () -> configuration).addTokens(1);
  }

  @Override
  public void close() {
    try {
      connection.close();
    } finally {
      client.shutdown();
    }
  }
}
