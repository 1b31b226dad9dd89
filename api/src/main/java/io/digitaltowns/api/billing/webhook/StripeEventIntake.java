package io.digitaltowns.api.billing.webhook;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import io.digitaltowns.api.billing.StripeApi;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes in one webhook delivery: verifies Stripe's signature (stripe-java, default tolerance of 300
 * s), checks the payload is an event, and stores it once with its outbox event. No call to Stripe:
 * the answer must be fast.
 */
@Service
class StripeEventIntake {

  private static final Logger log = LoggerFactory.getLogger(StripeEventIntake.class);

  enum Outcome {
    STORED,
    DUPLICATE
  }

  private final StripeApi stripe;
  private final StripeEventLog events;
  private final JsonMapper json;
  private final Clock clock;

  StripeEventIntake(StripeApi stripe, StripeEventLog events, JsonMapper json, Clock clock) {
    this.stripe = stripe;
    this.events = events;
    this.json = json;
    this.clock = clock;
  }

  Outcome receive(String payload, String signatureHeader, String traceId) {
    stripe.requireEnabled();
    if (signatureHeader == null || signatureHeader.isBlank()) {
      log.warn("Refused a Stripe webhook call without a Stripe-Signature header");
      throw WebhookRejectedException.missingSignature();
    }
    try {
      // verifies first, then parses; the secret and the header are in no message
      Webhook.constructEvent(
          payload,
          signatureHeader,
          stripe.properties().webhookSecret(),
          Webhook.DEFAULT_TOLERANCE,
          clock);
    } catch (SignatureVerificationException e) {
      log.warn("Refused a Stripe webhook call: {}", e.getMessage());
      throw WebhookRejectedException.badSignature();
    } catch (RuntimeException e) {
      log.warn(
          "Refused a signed Stripe webhook call whose payload is no event: {}",
          e.getClass().getSimpleName());
      throw WebhookRejectedException.malformed();
    }
    StripeEventFacts facts;
    try {
      JsonNode event = json.readTree(payload);
      facts = StripeEventFacts.of(event);
    } catch (JacksonException | IllegalArgumentException e) {
      log.warn(
          "Refused a signed Stripe webhook call whose payload is no event: {}",
          e.getClass().getSimpleName());
      throw WebhookRejectedException.malformed();
    }
    boolean stored = events.recordOnce(facts, payload, traceId);
    log.info(
        "Stripe event {} ({}) {}",
        facts.id(),
        facts.type(),
        stored ? "stored" : "was stored already");
    return stored ? Outcome.STORED : Outcome.DUPLICATE;
  }
}
