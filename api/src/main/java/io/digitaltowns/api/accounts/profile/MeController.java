package io.digitaltowns.api.accounts.profile;

import io.digitaltowns.api.accounts.ChosenPassword;
import io.digitaltowns.api.web.TraceParent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
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

  MeController(Profile profile) {
    this.profile = profile;
  }

  record RenameRequest(@NotBlank @Size(max = 100) String displayName) {
  }

  record ChangePasswordRequest(@NotBlank @Size(max = 128) String currentPassword,
                               @ChosenPassword String newPassword) {
    @Override
    public String toString() {
      return "ChangePasswordRequest[***]";
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

  @Operation(summary = "Change my password", description = "Ends every session, including this one's refresh token.")
  @ApiResponse(responseCode = "204", description = "Changed")
  @ApiResponse(responseCode = "400", description = "The current password is wrong or the new one is invalid")
  @PostMapping("/api/me/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void changePassword(@AuthenticationPrincipal Jwt token, @Valid @RequestBody ChangePasswordRequest request,
                      @RequestHeader(name = "traceparent", required = false) String traceparent) {
    profile.changePassword(userId(token), request.currentPassword(), request.newPassword(), TraceParent.traceId(traceparent));
  }

  @Operation(summary = "Delete my account",
      description = "Erases the account's personal data and tells every consumer to erase theirs.")
  @ApiResponse(responseCode = "204", description = "Deleted")
  @DeleteMapping("/api/me")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@AuthenticationPrincipal Jwt token,
              @RequestHeader(name = "traceparent", required = false) String traceparent) {
    profile.delete(userId(token), TraceParent.traceId(traceparent));
  }

  private static UUID userId(Jwt token) {
    return UUID.fromString(token.getSubject());
  }
}
