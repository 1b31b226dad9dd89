package io.digitaltowns.api.billing.webhook;

import io.digitaltowns.api.billing.StripeApi;
import io.digitaltowns.api.web.TraceParent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class StripeWebhookController {

  /**
   * Stripe's events are far smaller; the bound keeps a stranger from making us buffer without end
   * and keeps the StripeEventReceived record under Kafka's default 1 MB message size.
   */
  static final int MAX_PAYLOAD_BYTES = 512 * 1024;

  private final StripeApi stripe;
  private final StripeEventIntake intake;

  StripeWebhookController(StripeApi stripe, StripeEventIntake intake) {
    this.stripe = stripe;
    this.intake = intake;
  }

  @Operation(
      summary = "Stripe webhook endpoint (called by Stripe)",
      description =
          "Verifies the Stripe-Signature header against the raw body with the endpoint's signing secret "
              + "(tolerance 300 s), stores the event once by its Stripe id and publishes it on dt.stripe.events. "
              + "A redelivered event answers 200 and changes nothing. Events of every type are accepted.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              description = "the Stripe event, exactly as Stripe signed it",
              content = @Content(mediaType = "application/json")))
  @ApiResponse(responseCode = "200", description = "Stored, or stored already")
  @ApiResponse(
      responseCode = "400",
      description = "Missing, wrong or stale signature, or not a Stripe event; " + "nothing stored")
  @ApiResponse(responseCode = "404", description = "Billing is not configured")
  @ApiResponse(responseCode = "413", description = "Payload too large")
  @PostMapping("/api/stripe/webhook")
  Map<String, Object> receive(
      HttpServletRequest request,
      @Parameter(description = "t=<unix time>,v1=<hex HMAC-SHA256 of \"<t>.<body>\">")
          @RequestHeader(name = "Stripe-Signature", required = false)
          String signature,
      @RequestHeader(name = "traceparent", required = false) String traceparent)
      throws IOException {
    stripe.requireEnabled();
    if (request.getContentLengthLong() > MAX_PAYLOAD_BYTES) {
      throw WebhookRejectedException.tooLarge(MAX_PAYLOAD_BYTES);
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(MAX_PAYLOAD_BYTES + 1);
    }
    if (body.length > MAX_PAYLOAD_BYTES) {
      throw WebhookRejectedException.tooLarge(MAX_PAYLOAD_BYTES);
    }
    // Stripe signs the UTF-8 body; the exact string is what is verified and stored
    String payload = new String(body, StandardCharsets.UTF_8);
    StripeEventIntake.Outcome outcome =
        intake.receive(payload, signature, TraceParent.traceId(traceparent));
    return Map.of("received", true, "duplicate", outcome == StripeEventIntake.Outcome.DUPLICATE);
  }
}
