package io.digitaltowns.api.billing;

import io.digitaltowns.platform.diagnostics.Redacted;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stripe billing. Off while the secret key is blank; when it is set, the price and the webhook
 * secret must be too.
 *
 * @param secretKey STRIPE_SECRET_KEY: the secret (sk_...) or restricted (rk_...) API key;
 *     server-side only
 * @param webhookSecret STRIPE_WEBHOOK_SECRET: the signing secret (whsec_...) of the webhook
 *     endpoint
 * @param priceId STRIPE_PRICE_ID: the recurring monthly price (price_...) a business subscribes to
 * @param apiBase where the Stripe API is; tests point it at a local stand-in
 * @param publicBaseUrl PUBLIC_BASE_URL: the web frontend, under which Checkout and the portal send
 *     the owner back
 * @param checkoutWindow requests for a business's checkout within one such window (without an
 *     Idempotency-Key header) get the same Checkout Session, so a double click does not make two
 * @param connectTimeout connecting to Stripe
 * @param readTimeout waiting for Stripe's answer
 * @param maxNetworkRetries retries of a failed call to Stripe (safe: every create carries an
 *     idempotency key)
 */
@ConfigurationProperties("digitaltowns.stripe")
public record StripeProperties(
    String secretKey,
    String webhookSecret,
    String priceId,
    @DefaultValue("https://api.stripe.com") String apiBase,
    @DefaultValue("http://localhost:8080") String publicBaseUrl,
    @DefaultValue("5m") Duration checkoutWindow,
    @DefaultValue("10s") Duration connectTimeout,
    @DefaultValue("30s") Duration readTimeout,
    @DefaultValue("2") int maxNetworkRetries) {

  /** Billing is on once there is a secret key. */
  public boolean enabled() {
    return hasText(secretKey);
  }

  /** An absolute URL of the web frontend. */
  public String publicUrl(String path) {
    String base = publicBaseUrl == null ? "" : publicBaseUrl.trim().replaceAll("/+$", "");
    return base + (path.startsWith("/") ? path : "/" + path);
  }

  static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }

  /** Never prints the secret key or the webhook secret. */
  @Override
  public String toString() {
    return "StripeProperties[enabled="
        + enabled()
        + ", secretKey="
        + Redacted.secret(secretKey)
        + ", webhookSecret="
        + Redacted.secret(webhookSecret)
        + ", priceId="
        + priceId
        + ", apiBase="
        + apiBase
        + ", publicBaseUrl="
        + publicBaseUrl
        + ", checkoutWindow="
        + checkoutWindow
        + "]";
  }
}
