package io.digitaltowns.api.businesses.contact;

import io.digitaltowns.api.businesses.listing.Caller;
import io.digitaltowns.api.ratelimit.AbuseLimits;
import io.digitaltowns.api.ratelimit.ClientAddress;
import io.digitaltowns.api.ratelimit.LimitedAction;
import io.digitaltowns.api.web.TraceParent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ContactController {

  private final BusinessContact contact;
  private final AbuseLimits abuseLimits;

  ContactController(BusinessContact contact, AbuseLimits abuseLimits) {
    this.contact = contact;
    this.abuseLimits = abuseLimits;
  }

  record ContactRequest(@NotBlank @Size(max = 4000) String message) {
    /**
     * Spring MVC logs each body it reads at DEBUG: a resident's message is theirs and the owner's,
     * not the log's.
     */
    @Override
    public String toString() {
      return "ContactRequest[message=("
          + (message == null ? 0 : message.length())
          + " characters)]";
    }
  }

  @Operation(
      summary = "Send a message to a published business",
      description =
          "The owner receives it by email; the sender's name and address are included so the owner can answer. "
              + "Only a sender whose email address is verified may write.",
      security = @SecurityRequirement(name = "bearer"))
  @ApiResponse(responseCode = "202", description = "Sent on its way")
  @ApiResponse(responseCode = "403", description = "The sender's email address is not verified yet")
  @ApiResponse(responseCode = "404", description = "No such published business")
  @PostMapping("/api/businesses/{id}/contact")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Map<String, UUID> contact(
      Authentication authentication,
      @PathVariable UUID id,
      @Valid @RequestBody ContactRequest request,
      HttpServletRequest http,
      @RequestHeader(name = "traceparent", required = false) String traceparent) {
    Caller sender = Caller.of(authentication);
    abuseLimits.check(
        LimitedAction.BUSINESS_CONTACT, ClientAddress.of(http), sender.userId().toString());
    return Map.of(
        "messageId",
        contact.send(
            Caller.of(authentication), id, request.message(), TraceParent.traceId(traceparent)));
  }
}
