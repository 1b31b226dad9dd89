package io.digitaltowns.consumers.photocleanup;

import io.digitaltowns.consumers.events.ConsumerGroup;
import io.digitaltowns.consumers.events.EventTopics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code photo-cleanup} consumer group: deletes the photos of deleted listings from the bucket. Its own group, so
 * that the store being down holds up nothing else; a failing record is retried with backoff for
 * {@code CONSUMER_RETRY_MAX_ELAPSED}, then dead-lettered to {@code dt.businesses.events.photo-cleanup.dlt}. On with
 * {@code CONSUMER_CLEANUP_ENABLED}.
 */
@Configuration(proxyBeanMethods = false)
class PhotoCleanupGroup {

  static final String NAME = "photo-cleanup";

  @Bean
  ConsumerGroup photoCleanupConsumerGroup(PhotoDeletion deletion,
                                          @Value("${digitaltowns.consumers.cleanup.enabled:false}") boolean enabled) {
    return ConsumerGroup.named(NAME).topics(EventTopics.BUSINESSES).handler(deletion).enabled(enabled).build();
  }
}
