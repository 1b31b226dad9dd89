package io.digitaltowns.consumers.photocleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.digitaltowns.backup.store.BackupStorageSettings;
import io.digitaltowns.backup.store.BackupStore;
import io.digitaltowns.consumers.EventFeed;
import io.digitaltowns.consumers.RunningConsumers;
import io.digitaltowns.consumers.events.ConsumerMetrics;
import io.digitaltowns.events.businesses.BusinessDeleted;
import io.digitaltowns.events.catalog.ConsumerGroup;
import io.digitaltowns.events.catalog.Topics;
import io.digitaltowns.infra.LocalStack;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The photo-cleanup group as deployed, against the local stack's Kafka, registry, PostgreSQL and
 * its real S3-compatible store (S3Proxy): the objects a deletion names leave the bucket, others
 * stay; while the store is down the deletion is retried, not dead-lettered.
 */
class PhotoDeletionTest {

  private static final String BUCKET = "digitaltowns-photos-cleanup-test";
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  private static LocalStack stack;
  private static BackupStore bucket;
  private static ConfigurableApplicationContext consumers;
  private static EventFeed feed;
  private static JdbcClient jdbc;

  @BeforeAll
  static void start() {
    stack = LocalStack.shared();
    bucket =
        BackupStore.connect(
            new BackupStorageSettings(
                stack.s3Endpoint(),
                stack.s3Region(),
                BUCKET,
                stack.s3AccessKey(),
                stack.s3SecretKey(),
                true));
    bucket.ensureBucket();
    consumers =
        RunningConsumers.start(
            stack,
            Map.of(
                "digitaltowns.consumers.cleanup.enabled",
                "true",
                "digitaltowns.photo-store.endpoint",
                stack.s3Endpoint(),
                "digitaltowns.photo-store.region",
                stack.s3Region(),
                "digitaltowns.photo-store.access-key-id",
                stack.s3AccessKey(),
                "digitaltowns.photo-store.secret-access-key",
                stack.s3SecretKey(),
                "digitaltowns.photo-store.bucket",
                BUCKET,
                "digitaltowns.consumers.retry.initial-interval",
                "200ms",
                "digitaltowns.consumers.retry.max-interval",
                "1s"));
    jdbc = consumers.getBean(JdbcClient.class);
    feed = new EventFeed(stack);
  }

  @AfterAll
  static void stop() {
    if (feed != null) {
      feed.close();
    }
    if (consumers != null) {
      consumers.close();
    }
    if (bucket != null) {
      bucket.close();
    }
  }

  @Test
  void a_deleted_listings_two_photos_leave_the_bucket_once_and_other_listings_photos_stay() {
    String businessId = UUID.randomUUID().toString();
    String front = photo(businessId);
    String inside = photo(businessId);
    String neighbours = photo(UUID.randomUUID().toString());
    BusinessDeleted deleted = deleted(businessId, List.of(front, inside));

    feed.send(Topics.BUSINESSES_EVENTS, businessId, deleted);
    feed.send(Topics.BUSINESSES_EVENTS, businessId, deleted);

    await().atMost(DEADLINE).until(() -> !bucket.exists(front) && !bucket.exists(inside));
    assertThat(bucket.exists(neighbours)).isTrue();
    await().atMost(DEADLINE).until(() -> timeline(businessId), entries -> !entries.isEmpty());
    assertThat(timeline(businessId))
        .containsExactly("PHOTOS_DELETED 2 photos deleted from the store");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM consumers.processed_events WHERE consumer_group = 'photo-cleanup' AND event_id = :id")
                .param("id", deleted.getEventId())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void an_unreachable_store_is_retried_until_it_is_back_and_nothing_is_dead_lettered() {
    String businessId = UUID.randomUUID().toString();
    String key = photo(businessId);
    stack.objectStore().stop();
    try {
      feed.send(Topics.BUSINESSES_EVENTS, businessId, deleted(businessId, List.of(key)));
      await().atMost(DEADLINE).until(() -> failedAttempts() > 0);
    } finally {
      stack.objectStore().start();
    }

    await().atMost(DEADLINE).until(() -> !bucket.exists(key));
    await()
        .atMost(DEADLINE)
        .until(
            () -> timeline(businessId),
            entries -> entries.equals(List.of("PHOTOS_DELETED 1 photo deleted from the store")));
    assertThat(feed.keysIn(Topics.BUSINESSES_EVENTS_PHOTO_CLEANUP_DLT)).doesNotContain(businessId);
  }

  @Test
  void the_secret_key_is_kept_out_of_the_printed_settings() {
    assertThat(consumers.getBean(PhotoStoreProperties.class).toString())
        .doesNotContain(stack.s3SecretKey());
  }

  private static BusinessDeleted deleted(String businessId, List<String> photoKeys) {
    return BusinessDeleted.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
        .setAggregateId(businessId)
        .setTownId("town-1")
        .setPhotoObjectKeys(photoKeys)
        .build();
  }

  /** Failed attempts of the group so far ({@code dt.consumer.failed}: each retry counts). */
  private static double failedAttempts() {
    return consumers
        .getBean(MeterRegistry.class)
        .find(ConsumerMetrics.FAILED)
        .tag("group", ConsumerGroup.PHOTO_CLEANUP.id())
        .counters()
        .stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  private static String photo(String businessId) {
    String key = "businesses/" + businessId + "/photos/" + UUID.randomUUID() + ".jpg";
    bucket.upload(key, "not really a jpeg".getBytes(StandardCharsets.UTF_8), "image/jpeg");
    assertThat(bucket.exists(key)).isTrue();
    return key;
  }

  private static List<String> timeline(String businessId) {
    return jdbc.sql(
            "SELECT kind || ' ' || summary FROM consumers.crm_view_activities WHERE business_id = :id ORDER BY seq")
        .param("id", businessId)
        .query(String.class)
        .list();
  }
}
