package io.digitaltowns.api.billing.apply;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Applying Stripe's events to the subscriptions ({@code digitaltowns.billing}).
 *
 * @param pastDueGrace how long a business stays featured while its subscription is past_due (Stripe
 *     retries the payment meanwhile), counted from the Stripe time it became past_due
 * @param apply the background applier
 */
@ConfigurationProperties("digitaltowns.billing")
public record BillingApplyProperties(
    @DefaultValue("7d") Duration pastDueGrace, @DefaultValue Apply apply) {

  /**
   * @param enabled whether this instance applies stored Stripe events (off on the auth-service
   *     role)
   * @param pollInterval pause between two passes over the stored, not yet applied Stripe events
   * @param batchSize events applied per pass at most
   * @param graceCheck pause between two passes that unfeature businesses whose past_due grace ran
   *     out
   */
  public record Apply(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("2s") Duration pollInterval,
      @DefaultValue("200") int batchSize,
      @DefaultValue("5m") Duration graceCheck) {}
}
