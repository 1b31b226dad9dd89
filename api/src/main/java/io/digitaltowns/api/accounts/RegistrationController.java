package io.digitaltowns.api.accounts;

import io.digitaltowns.api.ratelimit.AbuseLimits;
import io.digitaltowns.api.ratelimit.ClientAddress;
import io.digitaltowns.api.ratelimit.LimitedAction;
import io.digitaltowns.api.web.TraceParent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class RegistrationController {

  private final AccountRegistration registration;
  private final AbuseLimits abuseLimits;

  RegistrationController(AccountRegistration registration, AbuseLimits abuseLimits) {
    this.registration = registration;
    this.abuseLimits = abuseLimits;
  }

  @Operation(
      summary = "Register an account with email and password",
      description =
          "Creates the account and sends a welcome email (asynchronously, through the event spine).")
  @ApiResponse(responseCode = "201", description = "Account created")
  @ApiResponse(
      responseCode = "400",
      description = "Invalid input; the problem body names the offending fields")
  @ApiResponse(responseCode = "409", description = "An account with this email already exists")
  @PostMapping("/api/auth/register")
  @ResponseStatus(HttpStatus.CREATED)
  public RegisteredUser register(
      @Valid @RequestBody RegistrationRequest request,
      HttpServletRequest http,
      @RequestHeader(name = "traceparent", required = false) String traceparent) {
    abuseLimits.check(
        LimitedAction.REGISTER, ClientAddress.of(http), request.emailAddress().value());
    return registration.register(request, TraceParent.traceId(traceparent));
  }
}
