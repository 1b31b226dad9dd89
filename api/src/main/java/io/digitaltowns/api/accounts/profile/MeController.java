package io.digitaltowns.api.accounts.profile;

import io.digitaltowns.api.accounts.ChosenPassword;
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
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SecurityRequirement(name = "bearer")
class MeController {

  private final Profile profile;
  private final OwnerConfirmation ownerConfirmation;
  private final AbuseLimits abuseLimits;

  MeController(Profile profile, OwnerConfirmation ownerConfirmation, AbuseLimits abuseLimits) {
    this.profile = profile;
    this.ownerConfirmation = ownerConfirmation;
    this.abuseLimits = abuseLimits;
  }

  record RenameRequest(@NotBlank @Size(max = 100) String displayName) {}

  record ChangePasswordRequest(
      @NotBlank @Size(max = 128) String currentPassword, @ChosenPassword String newPassword) {
    @Override
    public String toString() {
      return "ChangePasswordRequest[***]";
    }
  }

  /**
   * @param password the current password (without a body at all, a sign-in moments ago stands in:
   *     {@link OwnerConfirmation})
   */
  record DeleteAccountRequest(@NotBlank @Size(max = 128) String password) {
    @Override
    public String toString() {
      return "DeleteAccountRequest[***]";
    }
  }

  @Operation(summary = "My account")
  @GetMapping("/api/me")
  MyAccount me(@AuthenticationPrincipal Jwt token) {
    return profile.show(userId(token));
  }

  @Operation(summary = "Change my display name")
  @ApiResponse(responseCode = "200", description = "Renamed")
  @ApiResponse(responseCode = "400", description = "Invalid display name")
  @PatchMapping("/api/me")
  MyAccount rename(@AuthenticationPrincipal Jwt token, @Valid @RequestBody RenameRequest request) {
    return profile.rename(userId(token), request.displayName());
  }

  @Operation(
      summary = "Change my password",
      description =
          "Ends every session at once, this one included: "
              + "every access token and refresh token issued before stops working.")
  @ApiResponse(responseCode = "204", description = "Changed")
  @ApiResponse(
      responseCode = "400",
      description = "The current password is wrong or the new one is invalid")
  @ApiResponse(
      responseCode = "429",
      description = "Too many attempts with the current password; see Retry-After")
  @PostMapping("/api/me/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void changePassword(
      @AuthenticationPrincipal Jwt token,
      @Valid @RequestBody ChangePasswordRequest request,
      HttpServletRequest http,
      @RequestHeader(name = "traceparent", required = false) String traceparent) {
    abuseLimits.check(LimitedAction.CURRENT_PASSWORD, ClientAddress.of(http), token.getSubject());
    profile.changePassword(
        userId(token),
        request.currentPassword(),
        request.newPassword(),
        TraceParent.traceId(traceparent));
  }

  @Operation(
      summary = "Delete my account",
      description =
          "Erases the account's personal data and tells every consumer to erase theirs. Needs the "
              + "current password in the body (`{\"password\": \"...\"}`), or, without one (accounts signed up through "
              + "Google or Facebook have none), a sign-in within the last few minutes (JWT_RECENT_SIGN_IN, 5 by default).")
  @ApiResponse(responseCode = "204", description = "Deleted")
  @ApiResponse(responseCode = "400", description = "The password is wrong")
  @ApiResponse(
      responseCode = "403",
      description = "No password sent and the sign-in is not recent: sign in again")
  @ApiResponse(
      responseCode = "429",
      description = "Too many attempts with the current password; see Retry-After")
  @DeleteMapping("/api/me")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(
      @AuthenticationPrincipal Jwt token,
      @Valid @RequestBody(required = false) DeleteAccountRequest request,
      HttpServletRequest http,
      @RequestHeader(name = "traceparent", required = false) String traceparent)
      throws HttpMediaTypeNotSupportedException {
    // Spring reads no body of a DELETE it has no converter for and passes null: a body that is not
    // JSON
    // must be refused here, or it would count as "no body" and fall back to the recent sign-in
    MediaType contentType = contentTypeOf(http);
    boolean notJson =
        http.getContentType() != null
            && (contentType == null || !MediaType.APPLICATION_JSON.isCompatibleWith(contentType));
    if (request == null && (notJson || http.getContentLengthLong() > 0)) {
      throw new HttpMediaTypeNotSupportedException(
          contentType, List.of(MediaType.APPLICATION_JSON), HttpMethod.DELETE);
    }
    String password = request == null ? null : request.password();
    if (password != null) {
      abuseLimits.check(LimitedAction.CURRENT_PASSWORD, ClientAddress.of(http), token.getSubject());
    }
    ownerConfirmation.requirePasswordOrRecentSignIn(token, password);
    profile.delete(userId(token), TraceParent.traceId(traceparent));
  }

  /**
   * @return null when there is none or it does not parse
   */
  private static MediaType contentTypeOf(HttpServletRequest http) {
    try {
      return http.getContentType() == null ? null : MediaType.parseMediaType(http.getContentType());
    } catch (InvalidMediaTypeException e) {
      return null;
    }
  }

  private static UUID userId(Jwt token) {
    return UUID.fromString(token.getSubject());
  }
}
