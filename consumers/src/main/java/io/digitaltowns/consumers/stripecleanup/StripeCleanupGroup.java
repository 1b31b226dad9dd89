package io.digitaltowns.consumers.stripecleanup;

import io.digitaltowns.consumers.events.DeclaredGroup;
import io.digitaltowns.events.catalog.ConsumerGroup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code stripe-cleanup} consumer group: cancels the Stripe subscriptions of deleted
 * businesses. Its own group, so that Stripe being down holds up nothing else (photos, CRM); a
 * failing record is retried with backoff for {@code CONSUMER_RETRY_MAX_ELAPSED}, then dead-lettered
 * to {@code dt.businesses.events.stripe-cleanup.dlt}. Runs only when {@link
 * StripeCleanupSwitch#active()}.
 */
@Configuration(proxyBeanMethods = false)
class StripeCleanupGroup {

  @Bean
  DeclaredGroup stripeCleanupConsumerGroup(
      SubscriptionCancellation cancellation, StripeCleanupSwitch stripeCleanupSwitch) {
    return DeclaredGroup.of(ConsumerGroup.STRIPE_CLEANUP)
        .handler(cancellation)
        .enabled(stripeCleanupSwitch.active())
        .build();
  }
}
