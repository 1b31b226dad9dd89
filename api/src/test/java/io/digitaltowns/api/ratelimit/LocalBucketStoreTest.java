package io.digitaltowns.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.ratelimit.TestLimits.ManualClock;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalBucketStoreTest {

  private static final BucketConfiguration THREE_A_MINUTE =
      BucketConfiguration.builder()
          .addLimit(limit -> limit.capacity(3).refillGreedy(3, Duration.ofMinutes(1)))
          .build();

  private final ManualClock clock = new ManualClock();

  @Test
  void buckets_that_have_refilled_are_dropped_at_the_next_sweep_and_the_others_are_kept() {
    LocalBucketStore store = new LocalBucketStore(clock, 1_000, Duration.ofMinutes(1));
    store.tryConsume("quiet", THREE_A_MINUTE);
    clock.advance(Duration.ofSeconds(30));
    store.tryConsume("busy", THREE_A_MINUTE);
    store.tryConsume("busy", THREE_A_MINUTE);
    store.tryConsume("busy", THREE_A_MINUTE);
    assertThat(store.size()).isEqualTo(2);

    clock.advance(Duration.ofSeconds(31)); // "quiet" is full again, "busy" is not
    store.tryConsume("new", THREE_A_MINUTE); // the first call after the interval sweeps

    assertThat(store.size()).isEqualTo(2); // "busy" and "new"
    // "busy" kept its state: 31 s after emptying it has one token again (one per 20 s), not three.
    assertThat(store.tryConsume("busy", THREE_A_MINUTE).isConsumed()).isTrue();
    assertThat(store.tryConsume("busy", THREE_A_MINUTE).isConsumed()).isFalse();
  }

  @Test
  void a_flood_of_new_addresses_cannot_grow_the_map_without_bound() {
    LocalBucketStore store = new LocalBucketStore(clock, 100, Duration.ofHours(1));

    for (int i = 0; i < 10_000; i++) {
      store.tryConsume("dt:limit:login:ip:10.0." + (i / 256) + "." + (i % 256), THREE_A_MINUTE);
      assertThat(store.size()).isLessThanOrEqualTo(101);
    }
  }

  @Test
  void a_bucket_refuses_once_empty_and_says_how_long_until_the_next_token() {
    LocalBucketStore store = new LocalBucketStore(clock, 1_000, Duration.ofMinutes(1));
    for (int i = 0; i < 3; i++) {
      assertThat(store.tryConsume("k", THREE_A_MINUTE).isConsumed()).isTrue();
    }

    var refused = store.tryConsume("k", THREE_A_MINUTE);

    assertThat(refused.isConsumed()).isFalse();
    assertThat(refused.getNanosToWaitForRefill()).isEqualTo(Duration.ofSeconds(20).toNanos());
  }
}
