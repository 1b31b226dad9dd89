package io.digitaltowns.api.businesses.listing;

import io.digitaltowns.api.businesses.Category;
import io.digitaltowns.api.web.TraceParent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BusinessController {

  private final BusinessListings listings;

  BusinessController(BusinessListings listings) {
    this.listings = listings;
  }

  @Operation(summary = "The fixed list of business categories")
  @GetMapping("/api/businesses/categories")
  List<Category> categories() {
    return Arrays.asList(Category.values());
  }

  @Operation(
      summary = "Create a business listing",
      description = "It starts as a draft that only its owner sees.",
      security = @SecurityRequirement(name = "bearer"))
  @ApiResponse(responseCode = "201", description = "Created as a draft")
  @ApiResponse(responseCode = "400", description = "Invalid fields")
  @PostMapping("/api/businesses")
  @ResponseStatus(HttpStatus.CREATED)
  Business create(
      Authentication authentication,
      @Valid @RequestBody BusinessRequest request,
      @RequestHeader(name = "traceparent", required = false) String traceparent) {
    return listings.create(Caller.of(authentication), request, TraceParent.traceId(traceparent));
  }

  @Operation(
      summary = "One listing",
      description = "Published listings are public; the others only for their owner and admins.")
  @ApiResponse(responseCode = "404", description = "No such listing, or not visible to the caller")
  @GetMapping("/api/businesses/{id}")
  Business get(Authentication authentication, @PathVariable UUID id) {
    return listings.visibleTo(Caller.of(authentication), id);
  }

  @Operation(
      summary = "My listings, whatever their status",
      security = @SecurityRequirement(name = "bearer"))
  @GetMapping("/api/my/businesses")
  List<Business> mine(Authentication authentication) {
    return listings.ownedBy(Caller.of(authentication));
  }

  @Operation(
      summary = "Edit a listing (owner or admin)",
      description =
          "An owner's change to anything but the opening hours (name, category, town, description, address, "
              + "phone, website, location) sends a published listing back to review; it is hidden until an admin "
              + "approves it again. An admin's edit keeps the status. The website must be an absolute http(s) URL.",
      security = @SecurityRequirement(name = "bearer"))
  @ApiResponse(responseCode = "403", description = "Not the owner")
  @PutMapping("/api/businesses/{id}")
  Business update(
      Authentication authentication,
      @PathVariable UUID id,
      @Valid @RequestBody BusinessRequest request,
      @RequestHeader(name = "traceparent", required = false) String traceparent) {
    return listings.update(
        Caller.of(authentication), id, request, TraceParent.traceId(traceparent));
  }

  @Operation(
      summary = "Submit a listing for review (owner or admin)",
      security = @SecurityRequirement(name = "bearer"))
  @ApiResponse(responseCode = "409", description = "Not a draft, rejected or unpublished listing")
  @PostMapping("/api/businesses/{id}/submit")
  Business submit(
      Authentication authentication,
      @PathVariable UUID id,
      @RequestHeader(name = "traceparent", required = false) String traceparent) {
    return listings.submit(Caller.of(authentication), id, TraceParent.traceId(traceparent));
  }

  @Operation(
      summary = "Take a published listing off the public pages (owner or admin)",
      security = @SecurityRequirement(name = "bearer"))
  @ApiResponse(responseCode = "409", description = "Not published")
  @PostMapping("/api/businesses/{id}/unpublish")
  Business unpublish(
      Authentication authentication,
      @PathVariable UUID id,
      @RequestHeader(name = "traceparent", required = false) String traceparent) {
    return listings.unpublish(Caller.of(authentication), id, TraceParent.traceId(traceparent));
  }

  @Operation(
      summary = "Delete a listing and its photos (owner or admin)",
      security = @SecurityRequirement(name = "bearer"))
  @ApiResponse(responseCode = "204", description = "Deleted")
  @DeleteMapping("/api/businesses/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(
      Authentication authentication,
      @PathVariable UUID id,
      @RequestHeader(name = "traceparent", required = false) String traceparent) {
    listings.delete(Caller.of(authentication), id, TraceParent.traceId(traceparent));
  }
}
