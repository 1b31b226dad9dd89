package io.digitaltowns.consumers.photocleanup;

import io.digitaltowns.consumers.events.DeclaredGroup;
import io.digitaltowns.events.catalog.ConsumerGroup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code photo-cleanup} consumer group: deletes the photos of deleted listings from the bucket.
 * Its own group, so that the store being down holds up nothing else; a failing record is retried
 * with backoff for {@code CONSUMER_RETRY_MAX_ELAPSED}, then dead-lettered to {@code
 * dt.businesses.events.photo-cleanup.dlt}. On with {@code CONSUMER_CLEANUP_ENABLED}.
 */
@Configuration(proxyBeanMethods = false)
class PhotoCleanupGroup {

  @Bean
  DeclaredGroup photoCleanupConsumerGroup(
      PhotoDeletion deletion,
      @Value("${digitaltowns.consumers.cleanup.enabled:false}") boolean enabled) {
    return DeclaredGroup.of(ConsumerGroup.PHOTO_CLEANUP).handler(deletion).enabled(enabled).build();
  }
}
