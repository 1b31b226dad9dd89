package io.digitaltowns.api.billing.portal;

import io.digitaltowns.api.billing.BillingLink;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PortalController {

  private final CustomerPortal portal;

  PortalController(CustomerPortal portal) {
    this.portal = portal;
  }

  @Operation(
      summary = "Open the billing portal of a business (owner or admin)",
      description =
          "Answers the URL of Stripe's customer portal, where the owner changes the card, reads invoices "
              + "or cancels. Stripe sends the browser back to <PUBLIC_BASE_URL>/my/businesses/{id}/subscription.",
      security = @SecurityRequirement(name = "bearer"))
  @ApiResponse(responseCode = "200", description = "The portal page to send the browser to")
  @ApiResponse(responseCode = "403", description = "Not the owner")
  @ApiResponse(responseCode = "404", description = "No such business, or billing is not configured")
  @ApiResponse(responseCode = "409", description = "The business never started a checkout")
  @ApiResponse(responseCode = "502", description = "Stripe did not answer as expected")
  @PostMapping("/api/businesses/{id}/subscription/portal")
  BillingLink portal(Authentication authentication, @PathVariable UUID id) {
    return portal.open(authentication, id);
  }
}
