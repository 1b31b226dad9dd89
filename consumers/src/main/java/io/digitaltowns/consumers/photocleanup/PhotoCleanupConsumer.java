package io.digitaltowns.consumers.photocleanup;

import io.digitaltowns.events.catalog.ConsumerGroup;
import io.digitaltowns.events.catalog.Topics;
import io.digitaltowns.consumers.events.EventDispatcher;
import io.digitaltowns.consumers.events.ProcessedEvents;
import io.digitaltowns.events.wire.AvroEventDeserializer;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code photo-cleanup} consumer group: deletes the photos of deleted listings from the bucket. Its own group,
 * so that the store being down holds up nothing else; a failing record is retried with backoff for
 * {@code CONSUMER_RETRY_MAX_ELAPSED}, then dead-lettered to {@code dt.businesses.events.photo-cleanup.dlt}. On with
 * {@code CONSUMER_CLEANUP_ENABLED}.
 */
@Component
class PhotoCleanupConsumer {

  static final String GROUP = ConsumerGroup.Names.PHOTO_CLEANUP;
  static final String BUSINESSES_TOPIC = Topics.BUSINESSES_EVENTS;

  private final EventDispatcher dispatcher;

  PhotoCleanupConsumer(PhotoDeletion deletion, AvroEventDeserializer deserializer, ProcessedEvents processedEvents,
                       TransactionTemplate transaction) {
    this.dispatcher = new EventDispatcher(GROUP, List.of(deletion), deserializer, processedEvents, transaction);
  }

  @KafkaListener(id = GROUP, groupId = GROUP, topics = BUSINESSES_TOPIC,
      autoStartup = "${digitaltowns.consumers.cleanup.enabled:false}")
  void onBusinessEvent(ConsumerRecord<byte[], byte[]> record) {
    dispatcher.dispatch(record.value());
  }
}
