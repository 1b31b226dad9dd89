package io.digitaltowns.api.billing;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import io.digitaltowns.platform.diagnostics.ProviderCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The configured Stripe client, built with its own API base and key so that nothing global in
 * stripe-java is changed. Refuses to start with a secret key but no price or webhook secret:
 * billing that can take money but never learns about it must not run.
 */
@Component
public class StripeApi {

  private static final Logger log = LoggerFactory.getLogger(StripeApi.class);

  private final StripeProperties properties;
  private final StripeClient client;

  StripeApi(StripeProperties properties) {
    this.properties = properties;
    if (!properties.enabled()) {
      this.client = null;
      log.info(
          "Stripe billing is off: digitaltowns.stripe.secret-key (STRIPE_SECRET_KEY) is blank");
      return;
    }
    String key = properties.secretKey().trim();
    if (key.startsWith("pk_")) {
      throw new IllegalStateException(
          "digitaltowns.stripe.secret-key (STRIPE_SECRET_KEY) holds a publishable key; "
              + "it needs the secret (sk_...) or a restricted (rk_...) key");
    }
    if (!StripeProperties.hasText(properties.priceId())) {
      throw new IllegalStateException(
          "digitaltowns.stripe.price-id (STRIPE_PRICE_ID) must be set when billing is on");
    }
    if (!StripeProperties.hasText(properties.webhookSecret())) {
      throw new IllegalStateException(
          "digitaltowns.stripe.webhook-secret (STRIPE_WEBHOOK_SECRET) must be set when billing is on");
    }
    this.client =
        StripeClient.builder()
            .setApiKey(key)
            .setApiBase(properties.apiBase().trim().replaceAll("/+$", ""))
            .setConnectTimeout(Math.toIntExact(properties.connectTimeout().toMillis()))
            .setReadTimeout(Math.toIntExact(properties.readTimeout().toMillis()))
            .setMaxNetworkRetries(properties.maxNetworkRetries())
            .build();
    log.info(
        "Stripe billing is on ({} mode), price {}, API at {}",
        key.contains("_live_") ? "live" : "test",
        properties.priceId(),
        properties.apiBase());
  }

  /**
   * @throws BillingNotConfiguredException while billing is off
   */
  public StripeClient client() {
    if (client == null) {
      throw new BillingNotConfiguredException();
    }
    return client;
  }

  /**
   * @throws BillingNotConfiguredException while billing is off
   */
  public void requireEnabled() {
    client();
  }

  public StripeProperties properties() {
    return properties;
  }

  /**
   * Turns a failed call into a 502 for the client and one log line for operators, with what
   * identifies the call at Stripe (request id, status, error code and parameter) but not the
   * message, which may quote input. Those come from the answer too, so each is logged as a {@link
   * ProviderCode} (one word, bounded): never a line break.
   */
  public PaymentProviderUnavailableException failed(String action, StripeException e) {
    log.warn(
        "Stripe refused or did not answer '{}': {} status={} code={} param={} requestId={}",
        action,
        e.getClass().getSimpleName(),
        e.getStatusCode(),
        ProviderCode.of(e.getCode()),
        ProviderCode.of(e.getStripeError() == null ? null : e.getStripeError().getParam()),
        ProviderCode.of(e.getRequestId()));
    return new PaymentProviderUnavailableException();
  }
}
