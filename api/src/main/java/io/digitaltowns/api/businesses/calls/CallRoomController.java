package io.digitaltowns.api.businesses.calls;

import io.digitaltowns.api.businesses.BusinessStatus;
import io.digitaltowns.api.businesses.listing.Business;
import io.digitaltowns.api.businesses.listing.BusinessListings;
import io.digitaltowns.api.businesses.listing.Caller;
import io.digitaltowns.api.businesses.listing.StatusConflictException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CallRoomController {

  private final BusinessListings listings;
  private final CloudflareCallsProperties properties;
  private final CloudflareCallsClient calls;

  CallRoomController(
      BusinessListings listings,
      CloudflareCallsProperties properties,
      CloudflareCallsClient calls) {
    this.listings = listings;
    this.properties = properties;
    this.calls = calls;
  }

  record SessionDescription(
      @NotBlank @Pattern(regexp = "offer") String type, @NotBlank @Size(max = 20_000) String sdp) {}

  record CallRoomRequest(@Valid SessionDescription sessionDescription) {}

  @Operation(
      summary = "Open a live video consultation room for a published business (owner or admin)",
      description =
          "Creates a Cloudflare Calls session. Send the browser's SDP offer to get Cloudflare's answer back. "
              + "Only when the platform has Cloudflare Calls configured.",
      security = @SecurityRequirement(name = "bearer"))
  @ApiResponse(
      responseCode = "201",
      description = "The room: appId, sessionId and, for an offer, the SDP answer")
  @ApiResponse(
      responseCode = "404",
      description = "No such business, or video consultations are not enabled")
  @ApiResponse(responseCode = "409", description = "The business is not published")
  @ApiResponse(responseCode = "502", description = "Cloudflare did not open a room")
  @PostMapping("/api/businesses/{id}/call-room")
  @ResponseStatus(HttpStatus.CREATED)
  CloudflareCallsClient.CallSession open(
      Authentication authentication,
      @PathVariable UUID id,
      @Valid @RequestBody(required = false) CallRoomRequest request) {
    if (!properties.enabled()) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.NOT_FOUND, "Live video consultations are not enabled on this platform.");
      problem.setTitle("Not enabled");
      throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
    Business business = listings.changeableBy(Caller.of(authentication), id);
    if (business.status() != BusinessStatus.PUBLISHED) {
      throw new StatusConflictException("opened for video consultations", business.status());
    }
    SessionDescription offer = request == null ? null : request.sessionDescription();
    return calls.newSession(
        offer == null ? null : Map.of("type", offer.type(), "sdp", offer.sdp()));
  }
}
