package io.digitaltowns.api.accounts.admin;

import io.digitaltowns.api.web.TraceParent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admin only (enforced by the security configuration for every /api/admin path). */
@RestController
@SecurityRequirement(name = "bearer")
class AdminUsersController {

  private final UserDirectory directory;
  private final Suspensions suspensions;

  AdminUsersController(UserDirectory directory, Suspensions suspensions) {
    this.directory = directory;
    this.suspensions = suspensions;
  }

  @Operation(
      summary = "List or search users (admin)",
      description = "`q` matches part of the email or display name.")
  @GetMapping("/api/admin/users")
  UserSummary.Page list(
      @RequestParam(required = false) @Size(max = 100) String q,
      @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return directory.search(q, page, size);
  }

  @Operation(
      summary = "Suspend a user (admin)",
      description = "The user cannot sign in or refresh; their sessions end.")
  @ApiResponse(responseCode = "204", description = "Suspended (or already was)")
  @ApiResponse(responseCode = "404", description = "No such user")
  @PostMapping("/api/admin/users/{id}/suspend")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void suspend(
      @PathVariable UUID id,
      @AuthenticationPrincipal Jwt admin,
      @RequestHeader(name = "traceparent", required = false) String traceparent) {
    suspensions.suspend(
        id, UUID.fromString(admin.getSubject()), null, TraceParent.traceId(traceparent));
  }

  @Operation(summary = "Reinstate a suspended user (admin)")
  @ApiResponse(responseCode = "204", description = "Reinstated (or was not suspended)")
  @ApiResponse(responseCode = "404", description = "No such user")
  @PostMapping("/api/admin/users/{id}/reinstate")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void reinstate(
      @PathVariable UUID id,
      @AuthenticationPrincipal Jwt admin,
      @RequestHeader(name = "traceparent", required = false) String traceparent) {
    suspensions.reinstate(
        id, UUID.fromString(admin.getSubject()), null, TraceParent.traceId(traceparent));
  }
}
