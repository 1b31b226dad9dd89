package io.digitaltowns.api.accounts.passwordreset;

import io.digitaltowns.api.accounts.ChosenPassword;
import io.digitaltowns.api.accounts.EmailAddress;
import io.digitaltowns.api.accounts.ValidEmailAddress;
import io.digitaltowns.api.ratelimit.AbuseLimits;
import io.digitaltowns.api.ratelimit.ClientAddress;
import io.digitaltowns.api.ratelimit.LimitedAction;
import io.digitaltowns.api.web.TraceParent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PasswordResetController {

  private final PasswordReset reset;
  private final AbuseLimits abuseLimits;

  PasswordResetController(PasswordReset reset, AbuseLimits abuseLimits) {
    this.reset = reset;
    this.abuseLimits = abuseLimits;
  }

  record ForgotPasswordRequest(@NotBlank @ValidEmailAddress @Size(max = 254) String email) {}

  record ResetPasswordRequest(
      @NotBlank @Size(max = 200) String token, @ChosenPassword String password) {
    @Override
    public String toString() {
      return "ResetPasswordRequest[***]";
    }
  }

  @Operation(
      summary = "Ask for a password-reset link by mail",
      description = "Always answers 202, whether or not the address has an account.")
  @ApiResponse(
      responseCode = "202",
      description = "If the address has an account, a link is on its way")
  @PostMapping("/api/auth/forgot-password")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void forgot(
      @Valid @RequestBody ForgotPasswordRequest request,
      HttpServletRequest http,
      @RequestHeader(name = "traceparent", required = false) String traceparent) {
    EmailAddress email = EmailAddress.parse(request.email());
    abuseLimits.check(LimitedAction.PASSWORD_RESET, ClientAddress.of(http), email.value());
    reset.request(email, TraceParent.traceId(traceparent));
  }

  @Operation(
      summary = "Set a new password with the token from the reset link",
      description =
          "Ends every session of the account and mails a \"your password was changed\" notice.")
  @ApiResponse(responseCode = "204", description = "Password changed")
  @ApiResponse(
      responseCode = "400",
      description = "Invalid password, or the link is unknown, used or expired")
  @PostMapping("/api/auth/reset-password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void reset(
      @Valid @RequestBody ResetPasswordRequest request,
      @RequestHeader(name = "traceparent", required = false) String traceparent) {
    reset.complete(request.token(), request.password(), TraceParent.traceId(traceparent));
  }
}
