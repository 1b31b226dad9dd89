package io.digitaltowns.api.accounts.verification;

import io.digitaltowns.api.accounts.ChosenPassword;
import io.digitaltowns.api.accounts.tokens.TokenPair;
import io.digitaltowns.api.ratelimit.AbuseLimits;
import io.digitaltowns.api.ratelimit.ClientAddress;
import io.digitaltowns.api.ratelimit.LimitedAction;
import io.digitaltowns.api.web.TraceParent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class EmailVerificationController {

  /** the site's page with the confirmation form */
  static final String CONFIRMATION_PAGE = "/verify-email";

  private final EmailVerification verification;
  private final AbuseLimits abuseLimits;

  EmailVerificationController(EmailVerification verification, AbuseLimits abuseLimits) {
    this.verification = verification;
    this.abuseLimits = abuseLimits;
  }

  record ConfirmRequest(@NotBlank @Size(max = 200) String token, @ChosenPassword String password) {
    /** Spring MVC logs each body it reads at DEBUG: the link's token and the password stay out. */
    @Override
    public String toString() {
      return "ConfirmRequest[***]";
    }
  }

  record ResendRequest(@NotBlank @Email @Size(max = 254) String email) {}

  /**
   * The link in the mail. Fetching it changes nothing (mail scanners fetch links): it sends the
   * browser to the site's page that asks the owner to choose a password and confirm.
   */
  @Operation(
      summary = "The link in the welcome mail: opens the confirmation page",
      description =
          "Changes nothing. Redirects (303) to the site page `/verify-email?token=…`, whose form "
              + "POSTs the token and a new password to this path.")
  @ApiResponse(responseCode = "303", description = "To the confirmation page")
  @GetMapping("/api/auth/verify-email")
  ResponseEntity<Void> openConfirmationPage(
      @RequestParam
          @NotBlank
          @Size(max = 200)
          @Pattern(regexp = "[A-Za-z0-9_-]+", message = "is not a link token")
          String token) {
    return ResponseEntity.status(HttpStatus.SEE_OTHER)
        .location(
            URI.create(
                CONFIRMATION_PAGE + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
        .build();
  }

  @Operation(
      summary = "Confirm an email address and choose the account's password",
      description =
          "With the token from the link. Sets the password (the registrant's stops working), marks the "
              + "address verified, ends every session and refresh token issued before, grants ADMIN when the address "
              + "is listed, and signs the confirmer in.")
  @ApiResponse(responseCode = "200", description = "Confirmed; the new session's tokens")
  @ApiResponse(
      responseCode = "400",
      description = "Invalid password, or the token is unknown, used or expired")
  @ApiResponse(responseCode = "403", description = "The account is suspended")
  @PostMapping("/api/auth/verify-email")
  TokenPair confirm(
      @Valid @RequestBody ConfirmRequest request,
      @RequestHeader(name = "traceparent", required = false) String traceparent) {
    return verification.confirm(
        request.token(), request.password(), TraceParent.traceId(traceparent));
  }

  @Operation(
      summary = "Send a new verification link",
      description = "Always answers 202, whether or not the address has an unverified account.")
  @ApiResponse(
      responseCode = "202",
      description = "If the address has an unverified account, a new link is on its way")
  @PostMapping("/api/auth/verify-email/resend")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void resend(
      @Valid @RequestBody ResendRequest request,
      HttpServletRequest http,
      @RequestHeader(name = "traceparent", required = false) String traceparent) {
    abuseLimits.check(LimitedAction.VERIFICATION_RESEND, ClientAddress.of(http), request.email());
    verification.resend(request.email(), TraceParent.traceId(traceparent));
  }
}
