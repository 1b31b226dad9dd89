package io.digitaltowns.api.accounts.login;

import io.digitaltowns.api.accounts.EmailAddress;
import io.digitaltowns.api.accounts.ValidEmailAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record LoginRequest(
    @NotBlank @ValidEmailAddress @Size(max = 254) String email,
    @NotBlank @Size(max = 128) String password) {

  /** The address in its normal form; the request was validated, so it parses. */
  public EmailAddress emailAddress() {
    return EmailAddress.parse(email);
  }

  @Override
  public String toString() {
    return "LoginRequest[password=***]";
  }
}
