package io.digitaltowns.consumers.stripecleanup;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the {@code stripe-cleanup} group reaches Stripe's REST API.
 *
 * @param secretKey the api's key ({@code STRIPE_SECRET_KEY}, the same value; a restricted key needs
 *     write access to Subscriptions); sent as {@code Authorization: Bearer}, never logged. Empty:
 *     the group stays off.
 * @param apiBase Stripe's API root ({@code STRIPE_API_BASE}, default {@code
 *     https://api.stripe.com})
 * @param timeout connect and request timeout of one call
 */
@ConfigurationProperties("digitaltowns.stripe")
public record StripeProperties(
    String secretKey,
    @DefaultValue("https://api.stripe.com") URI apiBase,
    @DefaultValue("10s") Duration timeout) {

  public boolean hasSecretKey() {
    return secretKey != null && !secretKey.isBlank();
  }

  /** Keeps the key out of logs and diagnostics that print the settings. */
  @Override
  public String toString() {
    return "StripeProperties[secretKey="
        + (hasSecretKey() ? "******" : "<unset>")
        + ", apiBase="
        + apiBase
        + ", timeout="
        + timeout
        + "]";
  }
}
