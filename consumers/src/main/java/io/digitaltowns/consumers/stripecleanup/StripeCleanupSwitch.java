package io.digitaltowns.consumers.stripecleanup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether the {@code stripe-cleanup} listener runs: when the clean-up reactions are enabled ({@code
 * CONSUMER_CLEANUP_ENABLED}) and a Stripe key is configured. Without a key there is no billing, so
 * no subscription to cancel: the group stays off and says why at start.
 */
@Component("stripeCleanupSwitch")
class StripeCleanupSwitch {

  private static final Logger log = LoggerFactory.getLogger(StripeCleanupSwitch.class);

  private final boolean enabled;
  private final boolean configured;

  StripeCleanupSwitch(
      @Value("${digitaltowns.consumers.cleanup.enabled:false}") boolean enabled,
      StripeProperties stripe) {
    this.enabled = enabled;
    this.configured = stripe.hasSecretKey();
    if (enabled && !configured) {
      log.info(
          "stripe-cleanup stays off: STRIPE_SECRET_KEY is not set (billing is off, no subscription to cancel)");
    } else if (active()) {
      log.info(
          "stripe-cleanup is on: subscriptions of deleted businesses are canceled at {}",
          stripe.apiBase());
    }
  }

  public boolean active() {
    return enabled && configured;
  }
}
