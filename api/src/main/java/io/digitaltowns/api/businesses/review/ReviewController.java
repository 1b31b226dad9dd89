package io.digitaltowns.api.businesses.review;

import io.digitaltowns.api.businesses.listing.Business;
import io.digitaltowns.api.businesses.listing.Caller;
import io.digitaltowns.api.web.TraceParent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Admin only (every /api/admin path). */
@RestController
@SecurityRequirement(name = "bearer")
class ReviewController {

  private final BusinessReview review;
  private final ReviewQueue queue;

  ReviewController(BusinessReview review, ReviewQueue queue) {
    this.review = review;
    this.queue = queue;
  }

  record RejectRequest(@NotBlank @Size(max = 1000) String reason) {}

  @Operation(summary = "Listings waiting for review, oldest first (admin)")
  @GetMapping("/api/admin/businesses/review-queue")
  List<ReviewQueue.QueuedListing> queue() {
    return queue.waiting();
  }

  @Operation(summary = "Approve a listing: it is published (admin)")
  @ApiResponse(responseCode = "409", description = "The listing is not in review")
  @PostMapping("/api/admin/businesses/{id}/approve")
  Business approve(
      Authentication authentication,
      @PathVariable UUID id,
      @RequestHeader(name = "traceparent", required = false) String traceparent) {
    return review.approve(Caller.of(authentication), id, TraceParent.traceId(traceparent));
  }

  @Operation(summary = "Reject a listing with a reason for its owner (admin)")
  @ApiResponse(responseCode = "400", description = "No reason given")
  @ApiResponse(responseCode = "409", description = "The listing is not in review")
  @PostMapping("/api/admin/businesses/{id}/reject")
  Business reject(
      Authentication authentication,
      @PathVariable UUID id,
      @Valid @RequestBody RejectRequest request,
      @RequestHeader(name = "traceparent", required = false) String traceparent) {
    return review.reject(
        Caller.of(authentication), id, request.reason(), TraceParent.traceId(traceparent));
  }
}
