package io.digitaltowns.api.billing.apply;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The background work of billing, on while {@code digitaltowns.billing.apply.enabled} (default
 * true; set it false on the auth-service role): apply the stored Stripe events, and end the
 * featured grace of past_due subscriptions.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(
    name = "digitaltowns.billing.apply.enabled",
    havingValue = "true",
    matchIfMissing = true)
class BillingSchedule {

  private static final Logger log = LoggerFactory.getLogger(BillingSchedule.class);

  private final StripeEventApplier applier;
  private final FeaturedFlag featured;

  BillingSchedule(StripeEventApplier applier, FeaturedFlag featured) {
    this.applier = applier;
    this.featured = featured;
  }

  @Scheduled(
      initialDelayString = "${digitaltowns.billing.apply.poll-interval:2s}",
      fixedDelayString = "${digitaltowns.billing.apply.poll-interval:2s}")
  void applyStripeEvents() {
    try {
      applier.applyPending();
    } catch (RuntimeException e) {
      log.warn(
          "Applying Stripe events failed, trying again later: {}", e.getClass().getSimpleName());
    }
  }

  @Scheduled(
      initialDelayString = "${digitaltowns.billing.apply.grace-check:5m}",
      fixedDelayString = "${digitaltowns.billing.apply.grace-check:5m}")
  void endExpiredGraces() {
    try {
      int unfeatured = featured.endExpiredGraces();
      if (unfeatured > 0) {
        log.info("{} business(es) past due beyond the grace are no longer featured", unfeatured);
      }
    } catch (RuntimeException e) {
      log.warn(
          "Ending past-due graces failed, trying again later: {}", e.getClass().getSimpleName());
    }
  }
}
