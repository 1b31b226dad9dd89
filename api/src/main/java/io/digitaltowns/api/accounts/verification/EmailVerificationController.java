package io.digitaltowns.api.accounts.verification;

import io.digitaltowns.api.web.TraceParent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import io.digitaltowns.api.ratelimit.AbuseLimits;
import io.digitaltowns.api.ratelimit.ClientAddress;
import io.digitaltowns.api.ratelimit.LimitedAction;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class EmailVerificationController {

  private final EmailVerification verification;
  private final AbuseLimits abuseLimits;

  EmailVerificationController(EmailVerification verification, AbuseLimits abuseLimits) {
    this.verification = verification;
    this.abuseLimits = abuseLimits;
  }

  record VerifyRequest(@NotBlank @Size(max = 200) String token) {
    /** Spring MVC logs each body it reads at DEBUG: the link's token stays out. */
    @Override
    public String toString() {
      return "VerifyRequest[***]";
    }
  }

  record ResendRequest(@NotBlank @Email @Size(max = 254) String email) {
  }

  @Operation(summary = "Verify an email address (the link in the mail)",
      description = "The link sent by email points here; each link works once and expires.")
  @ApiResponse(responseCode = "200", description = "The address is verified")
  @ApiResponse(responseCode = "400", description = "The link is unknown, used or expired")
  @GetMapping("/api/auth/verify-email")
  Map<String, Object> verifyByLink(@RequestParam @NotBlank @Size(max = 200) String token,
                                   @RequestHeader(name = "traceparent", required = false) String traceparent) {
    verification.verify(token, TraceParent.traceId(traceparent));
    return Map.of("emailVerified", true);
  }

  @Operation(summary = "Verify an email address with the token from the link")
  @ApiResponse(responseCode = "200", description = "The address is verified")
  @ApiResponse(responseCode = "400", description = "The token is unknown, used or expired")
  @PostMapping("/api/auth/verify-email")
  Map<String, Object> verify(@Valid @RequestBody VerifyRequest request,
                             @RequestHeader(name = "traceparent", required = false) String traceparent) {
    verification.verify(request.token(), TraceParent.traceId(traceparent));
    return Map.of("emailVerified", true);
  }

  @Operation(summary = "Send a new verification link",
      description = "Always answers 202, whether or not the address has an unverified account.")
  @ApiResponse(responseCode = "202", description = "If the address has an unverified account, a new link is on its way")
  @PostMapping("/api/auth/verify-email/resend")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void resend(@Valid @RequestBody ResendRequest request, HttpServletRequest http,
              @RequestHeader(name = "traceparent", required = false) String traceparent) {
    abuseLimits.check(LimitedAction.VERIFICATION_RESEND, ClientAddress.of(http), request.email());
    verification.resend(request.email(), TraceParent.traceId(traceparent));
  }
}
