package io.digitaltowns.consumers.stripecleanup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.digitaltowns.consumers.events.PermanentFailureException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Cancels Stripe subscriptions through Stripe's REST API ({@code DELETE /v1/subscriptions/{id}}: at
 * once, no proration, no final invoice), with an {@code Idempotency-Key} so that a call repeated
 * after a lost answer is the same request to Stripe.
 *
 * <p>A subscription Stripe does not know any more answers 404 {@code resource_missing}: that is
 * also how Stripe answers for one that is already canceled, so it counts as done. 429, 5xx, network
 * failures, 401/403 (a key to fix) and 409 (the same key in flight) throw {@link
 * StripeUnavailableException} and are retried; other 4xx throw {@link PermanentFailureException}.
 * Messages carry the status, Stripe's error type and code and its request id, never the key or
 * Stripe's message.
 */
class StripeSubscriptions {

  /** What became of the subscription. */
  enum Cancellation {
    /** Stripe canceled it now. */
    CANCELED,
    /** Stripe no longer has it running (canceled before, or never there). */
    ALREADY_OVER
  }

  private final StripeProperties properties;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  StripeSubscriptions(StripeProperties properties) {
    this.properties = properties;
    this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
  }

  Cancellation cancel(String subscriptionId, String idempotencyKey) {
    if (!properties.hasSecretKey()) {
      throw new StripeUnavailableException("Stripe is not configured (STRIPE_SECRET_KEY is empty)");
    }
    String path = "/v1/subscriptions/" + URLEncoder.encode(subscriptionId, StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base() + path))
            .timeout(properties.timeout())
            .header("Authorization", "Bearer " + properties.secretKey().trim())
            .header("Idempotency-Key", idempotencyKey)
            .header("Accept", "application/json")
            .DELETE()
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new StripeUnavailableException(
          "DELETE " + path + ": Stripe unreachable (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StripeUnavailableException("DELETE " + path + ": interrupted");
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return Cancellation.CANCELED;
    }
    JsonNode error = read(response.body()).path("error");
    if (status == 404 && "resource_missing".equals(error.path("code").asText())) {
      return Cancellation.ALREADY_OVER;
    }
    String failure =
        "DELETE "
            + path
            + " → "
            + status
            + " (type="
            + error.path("type").asText("?")
            + ", code="
            + error.path("code").asText("?")
            + ", requestId="
            + response.headers().firstValue("Request-Id").orElse("?")
            + ")";
    if (status == 429 || status >= 500 || status == 401 || status == 403 || status == 409) {
      throw new StripeUnavailableException(failure);
    }
    throw new PermanentFailureException(failure, null);
  }

  private String base() {
    String base = properties.apiBase().toString().trim();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  private JsonNode read(String body) {
    if (body == null || body.isBlank()) {
      return json.createObjectNode();
    }
    try {
      return json.readTree(body);
    } catch (JsonProcessingException e) {
      return json.createObjectNode(); // a proxy's HTML error page, say
    }
  }
}
