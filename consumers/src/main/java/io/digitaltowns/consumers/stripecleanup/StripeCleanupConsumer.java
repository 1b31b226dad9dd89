package io.digitaltowns.consumers.stripecleanup;

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
 * The {@code stripe-cleanup} consumer group: cancels the Stripe subscriptions of deleted businesses. Its own group,
 * so that Stripe being down holds up nothing else (photos, CRM); a failing record is retried with backoff for
 * {@code CONSUMER_RETRY_MAX_ELAPSED}, then dead-lettered to {@code dt.businesses.events.stripe-cleanup.dlt}. Runs
 * only when {@link StripeCleanupSwitch#active()}.
 */
@Component
class StripeCleanupConsumer {

  static final String GROUP = ConsumerGroup.Names.STRIPE_CLEANUP;
  static final String BUSINESSES_TOPIC = Topics.BUSINESSES_EVENTS;

  private final EventDispatcher dispatcher;

  StripeCleanupConsumer(SubscriptionCancellation cancellation, AvroEventDeserializer deserializer,
                        ProcessedEvents processedEvents, TransactionTemplate transaction) {
    this.dispatcher = new EventDispatcher(GROUP, List.of(cancellation), deserializer, processedEvents, transaction);
  }

  @KafkaListener(id = GROUP, groupId = GROUP, topics = BUSINESSES_TOPIC,
      autoStartup = "#{@stripeCleanupSwitch.active()}")
  void onBusinessEvent(ConsumerRecord<byte[], byte[]> record) {
    dispatcher.dispatch(record.value());
  }
}
