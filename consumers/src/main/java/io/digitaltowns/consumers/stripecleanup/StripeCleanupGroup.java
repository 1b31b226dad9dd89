package io.digitaltowns.consumers.stripecleanup;

import io.digitaltowns.consumers.events.ConsumerGroup;
import io.digitaltowns.consumers.events.EventTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code stripe-cleanup} consumer group: cancels the Stripe subscriptions of deleted businesses. Its own group, so
 * that Stripe being down holds up nothing else (photos, CRM); a failing record is retried with backoff for
 * {@code CONSUMER_RETRY_MAX_ELAPSED}, then dead-lettered to {@code dt.businesses.events.stripe-cleanup.dlt}. Runs only
 * when {@link StripeCleanupSwitch#active()}.
 */
@Configuration(proxyBeanMethods = false)
class StripeCleanupGroup {

  static final String NAME = "stripe-cleanup";

  @Bean
  ConsumerGroup stripeCleanupConsumerGroup(SubscriptionCancellation cancellation, StripeCleanupSwitch stripeCleanupSwitch) {
    return ConsumerGroup.named(NAME).topics(EventTopics.BUSINESSES).handler(cancellation)
        .enabled(stripeCleanupSwitch.active()).build();
  }
}
