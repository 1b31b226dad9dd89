package io.digitaltowns.api.accounts.login;

import io.digitaltowns.api.accounts.tokens.Sessions;
import io.digitaltowns.api.accounts.tokens.TokenPair;
import io.digitaltowns.api.ratelimit.ClientAddress;
import io.digitaltowns.api.web.TraceParent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LoginController {

  private final PasswordSignIn signIn;
  private final Sessions sessions;

  LoginController(PasswordSignIn signIn, Sessions sessions) {
    this.signIn = signIn;
    this.sessions = sessions;
  }

  @Operation(
      summary = "Sign in with email and password",
      description =
          "Answers a short-lived access token (JWT, send it as `Authorization: Bearer`) and a refresh token.")
  @ApiResponse(responseCode = "200", description = "Signed in")
  @ApiResponse(responseCode = "401", description = "Wrong email or password")
  @ApiResponse(responseCode = "403", description = "The account is suspended")
  @ApiResponse(
      responseCode = "429",
      description =
          "Too many attempts from this address (or failed ones for this "
              + "account from this address); see Retry-After")
  @PostMapping("/api/auth/login")
  TokenPair login(
      @Valid @RequestBody LoginRequest request,
      HttpServletRequest http,
      @RequestHeader(name = "traceparent", required = false) String traceparent) {
    return signIn.signIn(request, ClientAddress.of(http), TraceParent.traceId(traceparent));
  }

  @Operation(
      summary = "Exchange a refresh token for new tokens",
      description =
          "The presented refresh token is used up. Presenting a used one again ends the whole session.")
  @ApiResponse(responseCode = "200", description = "New tokens")
  @ApiResponse(responseCode = "401", description = "The refresh token is not valid (anymore)")
  @PostMapping("/api/auth/refresh")
  TokenPair refresh(@Valid @RequestBody RefreshRequest request) {
    return sessions.refresh(request.refreshToken());
  }

  @Operation(
      summary = "Sign out of this session",
      description = "Revokes the refresh token's session.")
  @ApiResponse(responseCode = "204", description = "Signed out")
  @PostMapping("/api/auth/logout")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void logout(@Valid @RequestBody RefreshRequest request) {
    sessions.end(request.refreshToken());
  }

  @Operation(
      summary = "Sign out everywhere",
      description =
          "Revokes every session of the signed-in user: their refresh tokens, and every access token at once.",
      security = @SecurityRequirement(name = "bearer"))
  @ApiResponse(responseCode = "204", description = "Signed out of every session")
  @PostMapping("/api/auth/logout-all")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void logoutEverywhere(@AuthenticationPrincipal Jwt token) {
    sessions.endAll(UUID.fromString(token.getSubject()));
  }
}
