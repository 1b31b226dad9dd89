package io.digitaltowns.api.billing.checkout;

import io.digitaltowns.api.billing.BillingLink;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CheckoutController {

  private final SubscriptionCheckout checkout;

  CheckoutController(SubscriptionCheckout checkout) {
    this.checkout = checkout;
  }

  @Operation(
      summary = "Start a subscription for a business (owner or admin)",
      description =
          "Answers the URL of a Stripe Checkout page for the monthly price. The subscription starts when "
              + "Stripe reports the payment (webhook), not when this answers. Stripe sends the browser back to "
              + "<PUBLIC_BASE_URL>/my/businesses/{id}/subscription?checkout=success&session_id=... (or ?checkout=canceled). "
              + "Repeating the request with the same Idempotency-Key header, or without one within a few minutes, "
              + "answers the same Checkout page.",
      security = @SecurityRequirement(name = "bearer"))
  @ApiResponse(responseCode = "200", description = "The Checkout page to send the browser to")
  @ApiResponse(responseCode = "400", description = "Invalid Idempotency-Key header")
  @ApiResponse(responseCode = "403", description = "Not the owner")
  @ApiResponse(responseCode = "404", description = "No such business, or billing is not configured")
  @ApiResponse(
      responseCode = "409",
      description = "The business already has a running subscription")
  @ApiResponse(responseCode = "502", description = "Stripe did not answer as expected")
  @PostMapping("/api/businesses/{id}/subscription/checkout")
  BillingLink checkout(
      Authentication authentication,
      @PathVariable UUID id,
      @Parameter(description = "any unique string per intended checkout, e.g. a UUID")
          @RequestHeader(name = "Idempotency-Key", required = false)
          String idempotencyKey) {
    return checkout.start(authentication, id, idempotencyKey);
  }
}
